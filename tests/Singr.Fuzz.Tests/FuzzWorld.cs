using Singr.Api.Tests;
using Singr.Grains.Interfaces.Access;
using Singr.Testing;

namespace Singr.Fuzz.Tests;

/// <summary>
/// What the fuzzed requests act on: the app behind a real Kestrel listener over its own database, an owner with an organisation and a venue holding
/// one queued request, and a platform admin. Path parameters are filled with these real ids unless the case is about
/// the id itself, so that a request reaches the checks behind the route.
/// </summary>
public sealed class FuzzWorld : IAsyncLifetime
{
    private static readonly Guid UnknownId = new("0f0f0f0f-0000-4000-8000-00000000f022");

    public TestDatabase Database { get; private set; } = null!;

    public SingrApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    internal ApiUser Owner { get; private set; } = null!;

    internal ApiUser Admin { get; private set; } = null!;

    public string Slug { get; private set; } = string.Empty;

    public Guid RequestId { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(migrate: false);
        Factory = new SingrApiFactory(Database);
        Factory.UseKestrel(0);
        Factory.StartServer();
        Client = Factory.CreateClient();
        (Owner, _) = await ApiUser.RegisterOwnerAsync(Client);
        Slug = await Owner.CreateVenueAsync();
        RequestId = await VenueActions.RequestAsync(Client, await ApiUser.GuestTokenAsync(Client, Slug), Slug);
        Admin = await PlatformStaff.RegisterAsync(Client, Factory.Services, Roles.Admin);
    }

    /// <summary>The real value of a path parameter: the venue's slug, the queued request, the owner; else an id nothing has.</summary>
    public string PathValue(string name) => name switch
    {
        "venueId" => Slug,
        "id" => RequestId.ToString(),
        "userId" => Owner.UserId.ToString(),
        _ => UnknownId.ToString(),
    };

    /// <summary>Platform routes are called as the admin, every other as the owner.</summary>
    public string TokenFor(ApiOperation operation) =>
        operation.Path.StartsWith("/v1/admin", StringComparison.Ordinal) ? Admin.Token : Owner.Token;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
