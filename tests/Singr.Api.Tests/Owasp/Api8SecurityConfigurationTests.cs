using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Singr.Api.Venues;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API8:2023, security misconfiguration: what a production server gives away when something is wrong, and which
/// methods and headers it answers. Page headers, CORS and the server's own limits are in <c>HostileRequestTests</c>.
/// </summary>
public sealed class Api8SecurityConfigurationTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    private const string DatabasePassword = "hunter2-in-the-connection-string";

    [Fact]
    public async Task A_production_server_whose_database_is_unreachable_answers_in_the_envelope_and_gives_away_nothing_about_it()
    {
        await using var development = new SingrApiFactory(fixture.Database, configureServices: services =>
            services.AddSingleton(new VenueDirectory(NpgsqlDataSource.Create(
                $"Host=127.0.0.1;Port=1;Database=singr;Username=singr;Password={DatabasePassword};Timeout=2"))));
        await using var factory = development.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Singr:Auth:SigningKey", Convert.ToBase64String(new byte[32]));
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/venues?search=bar", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var error = await EnvelopeJson.ErrorOfAsync(response);

        Assert.True((int)response.StatusCode is 500 or 503, $"{response.StatusCode}: {body}");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        foreach (var secret in new[] { DatabasePassword, "Npgsql", "Exception", "   at ", "Port=1", "127.0.0.1", "Username=" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("TRACK")]
    [InlineData("CONNECT")]
    public async Task Methods_that_echo_or_tunnel_are_not_served_and_repeat_nothing_of_the_request(string method)
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/v1/venues", UriKind.Relative));
        request.Headers.Add("X-Session-Secret", "cookie-jar-contents");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{method}: {response.StatusCode}");
        Assert.Contains("\"success\":false", body, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-jar-contents", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_answers_carry_the_same_protective_headers_and_name_no_server_or_framework()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var notFound = await client.GetAsync(new Uri("/v1/no-such-thing", UriKind.Relative));
        using var unauthorised = await client.GetAsync(new Uri("/v1/customer/venues", UriKind.Relative));

        foreach (var response in new[] { notFound, unauthorised })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.False(response.Headers.Contains("Server"));
            Assert.False(response.Headers.Contains("X-Powered-By"));
            Assert.False(response.Headers.Contains("X-AspNet-Version"));
        }

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Unauthorized), (notFound.StatusCode, unauthorised.StatusCode));
    }
}
