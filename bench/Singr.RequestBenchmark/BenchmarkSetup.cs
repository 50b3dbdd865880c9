using System.Globalization;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Wallets;
using IGrainFactory = Orleans.IGrainFactory;

namespace Singr.RequestBenchmark;

/// <summary>
/// An owner, an organisation and its paid venues, made over HTTP as a host would; patrons registered over HTTP and given
/// credits through their wallet grains (as the platform grants promotions).
/// </summary>
internal static class BenchmarkSetup
{
    public const int CreditsPerPatron = 1_000_000;

    /// <summary>The most a venue's queue holds.</summary>
    public const int QueueLimit = 1000;

    private const string Password = "bench-password-1";

    /// <summary>Every request is paid when made; limits high enough that only the queue length (1,000) can refuse one.</summary>
    private static readonly object PaidSettings = new
    {
        mode = "PAID",
        costPerSong = 1,
        chargeAt = "ON_REQUEST",
        queueLimit = QueueLimit,
        maxPendingPerPatron = 1000,
        noRepeatMinutes = 0,
    };

    public static async Task<BenchmarkFixture> CreateAsync(HttpClient http, IGrainFactory grains, int venues, int patrons)
    {
        var api = new SetupClient(http);
        var run = Guid.NewGuid().ToString("N")[..8];

        var owner = await RegisterAsync(api, $"owner-{run}@bench.singr.test", "Bench Owner");
        var customer = await api.SendAsync(HttpMethod.Post, "/v1/customers", new { name = $"Bench {run}" }, owner.AccessToken);
        var hostToken = customer.GetProperty("accessToken").GetString()!;

        var slugs = Enumerable.Range(1, venues).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{i}")).ToList();
        foreach (var slug in slugs)
        {
            await api.SendAsync(HttpMethod.Post, "/v1/venues", new { venueId = slug, name = $"Bench venue {slug}", timezone = "UTC" }, hostToken);
        }

        Console.WriteLine($"set-up: owner, organisation and {slugs.Count} venues created");
        foreach (var slug in slugs)
        {
            await api.SendAsync(HttpMethod.Patch, $"/v1/venues/{slug}/settings", PaidSettings, hostToken);
        }

        Console.WriteLine($"set-up: {slugs.Count} venues set to PAID, 1 credit a song, charged on request");
        var registered = new List<Patron>();
        for (var i = 1; i <= patrons; i++)
        {
            var patron = await RegisterAsync(api, string.Create(CultureInfo.InvariantCulture, $"patron-{i}-{run}@bench.singr.test"), "Bench Patron");
            await GrantCreditsAsync(grains, patron.UserId);
            registered.Add(patron);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"set-up: {registered.Count} patrons registered with {CreditsPerPatron:N0} credits each"));
        return new BenchmarkFixture(slugs, registered);
    }

    private static async Task<Patron> RegisterAsync(SetupClient api, string email, string name)
    {
        var session = await api.SendAsync(HttpMethod.Post, "/v1/auth/register", new { email, password = Password, name });
        return new Patron(
            session.GetProperty("user").GetProperty("userId").GetGuid(),
            session.GetProperty("accessToken").GetString()!);
    }

    private static async Task GrantCreditsAsync(IGrainFactory grains, Guid userId)
    {
        var stamp = new AuditStamp(Guid.Empty, "benchmark", null, null, "operator", null, "bench");
        var command = new AdjustCredits(Guid.NewGuid(), LedgerTypes.Earned, CreditsPerPatron, null, null, "benchmark", stamp);
        var outcome = await grains.GetGrain<ICreditWalletGrain>(userId).Adjust(command);
        if (outcome.Error is not null)
        {
            throw new InvalidOperationException($"Granting credits to {userId} was refused: {outcome.Error}");
        }
    }
}
