using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>One migrated test database for a class whose tests use the product's stores without the app.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(migrate: true);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
