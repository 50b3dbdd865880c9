using System.Net.Http.Headers;
using Singr.Api.Logging;

namespace Singr.Api.Tests;

public sealed class RequestCorrelationAndLoggingTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Fact]
    public async Task A_request_id_given_by_the_caller_is_echoed()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, "kiosk-7:req.42");

        using var response = await client.SendAsync(request);

        Assert.Equal("kiosk-7:req.42", response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces and <angle> brackets")]
    public async Task A_missing_or_unsafe_request_id_is_replaced_by_a_generated_one(string? given)
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (given is not null)
        {
            request.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, given);
        }

        using var response = await client.SendAsync(request);
        var echoed = response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single();

        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }

    [Fact]
    public async Task Every_request_is_logged_once_with_method_path_status_duration_and_request_id()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, "trace-me-1");

        using var response = await client.SendAsync(request);

        var line = Assert.Single(factory.Logs.Records, r => r.Category == typeof(RequestLoggingMiddleware).FullName);
        Assert.Equal("GET", line.Properties["Method"]);
        Assert.Equal("/no/such/page", line.Properties["Path"]);
        Assert.Equal(404, line.Properties["StatusCode"]);
        Assert.IsType<double>(line.Properties["ElapsedMs"]);
        Assert.Equal("trace-me-1", line.Properties["CorrelationId"]);
    }

    [Fact]
    public async Task Tokens_passwords_and_authorization_headers_never_reach_the_logs()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/health/live?access_token=SECRET-QUERY-TOKEN&password=SECRET-QUERY-PASSWORD")
        {
            Content = new StringContent("""{"email":"a@b.c","password":"SECRET-BODY-PASSWORD"}""", MediaTypeHeaderValue.Parse("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "SECRET-HEADER-TOKEN");
        request.Headers.Add("Cookie", "session=SECRET-COOKIE");

        using var response = await client.SendAsync(request);

        var everything = factory.Logs.AllText;
        Assert.Contains("/health/live", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", everything, StringComparison.Ordinal);
    }
}
