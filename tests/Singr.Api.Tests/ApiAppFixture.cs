using Microsoft.Extensions.DependencyInjection;
using Singr.Grains.Interfaces.Audit;
using Orleans;
using Singr.Grains.Interfaces.Wallets;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// One running app (silo in process) over one migrated test database, shared by a test class's tests. Tests keep
/// apart by registering their own users, organisations and venues.
/// </summary>
public class ApiAppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ShiftableClock Clock { get; } = new();

    public SingrApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(migrate: false);
        Factory = CreateFactory();
        Client = Factory.CreateClient();
    }

    protected virtual SingrApiFactory CreateFactory() => new(Database, seedDemo: false, Clock);

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Platform credits for a user, granted on the wallet grain as an operator would.</summary>
    public async Task GrantCreditsAsync(Guid userId, int amount)
    {
        var granted = await Grains.GetGrain<ICreditWalletGrain>(userId).Adjust(new AdjustCredits(
            Guid.NewGuid(), LedgerTypes.Earned, amount, null, null, "test grant", new AuditStamp(Guid.Empty, "operator", null, null, "operator", null, "test")));
        Assert.True(granted.Succeeded, granted.Error);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
