using System.Net.Http.Json;
using Singr.Api.Seeding;
using Singr.Testing;

namespace Singr.Api.Tests;

public sealed class DemoSeedTests() : DatabaseTest(migrate: false)
{
    [Fact]
    public async Task Starting_with_the_demo_seed_twice_leaves_one_demo_customer_and_one_demo_venue()
    {
        for (var start = 0; start < 2; start++)
        {
            await using var factory = new SingrApiFactory(Database, seedDemo: true);
            using var client = factory.CreateClient();
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM customers"));
        Assert.Equal(
            [DemoSeeder.DemoVenueSlug],
            await Database.ColumnAsync<string>("SELECT slug FROM venues WHERE customer_id = $1", DemoSeeder.DemoCustomerId));
    }

    [Fact]
    public async Task The_demo_owner_signs_in_with_the_readme_credentials_and_runs_demo_venue()
    {
        await using var factory = new SingrApiFactory(Database, seedDemo: true);
        using var client = factory.CreateClient();

        using var login = await client.PostAsJsonAsync("/v1/auth/login", new { email = DemoSeeder.DemoOwnerEmail, password = DemoSeeder.DemoOwnerPassword });
        var token = (await EnvelopeJson.DataOfAsync(login)).GetProperty("accessToken").GetString();
        using var venues = await ApiUser.SendAsync(client, HttpMethod.Get, "/v1/customer/venues", token);
        var readme = await File.ReadAllTextAsync(Path.Combine(PostgresServer.RepositoryRoot, "README.md"));

        Assert.Equal(
            [DemoSeeder.DemoVenueSlug],
            (await EnvelopeJson.DataOfAsync(venues)).GetProperty("items").EnumerateArray().Select(v => v.GetProperty("venueId").GetString()).ToList());
        Assert.Contains(DemoSeeder.DemoOwnerEmail, readme, StringComparison.Ordinal);
        Assert.Contains(DemoSeeder.DemoOwnerPassword, readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_requests_a_song_at_the_demo_venue_and_sees_it_in_the_queue()
    {
        await using var factory = new SingrApiFactory(Database, seedDemo: true);
        using var client = factory.CreateClient();

        var guest = await ApiUser.GuestTokenAsync(client, DemoSeeder.DemoVenueSlug);
        using var requested = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{DemoSeeder.DemoVenueSlug}/queue", guest,
            new { kind = "karaoke", artist = "Journey", title = "Don't Stop Believin'" });
        using var queue = await ApiUser.SendAsync(client, HttpMethod.Get, $"/v1/venues/{DemoSeeder.DemoVenueSlug}/queue", guest);

        Assert.Equal(System.Net.HttpStatusCode.Created, requested.StatusCode);
        Assert.Equal(
            ["Don't Stop Believin'"],
            (await EnvelopeJson.DataOfAsync(queue)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList());
    }

    [Fact]
    public async Task Without_the_demo_seed_no_venue_is_created()
    {
        await using var factory = new SingrApiFactory(Database, seedDemo: false);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        response.EnsureSuccessStatusCode();

        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM venues WHERE slug = 'demo-venue'"));
    }
}
