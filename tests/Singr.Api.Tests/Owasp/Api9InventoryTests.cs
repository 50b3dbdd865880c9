using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API9:2023, improper inventory management: routes nobody documented, old versions left answering, files that
/// should never be served. Every <c>/v1</c> route is in the OpenAPI document (<c>OpenApiTests</c>); outside <c>/v1</c>
/// only the infrastructure named here answers, so a route added anywhere else fails this test until it is named.
/// </summary>
public sealed class Api9InventoryTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    /// <summary>Outside the versioned API, what an operator, a browser or a probe may reach, and why.</summary>
    private static readonly HashSet<string> Infrastructure =
    [
        "/health/live", // the kubelet's probes
        "/health/ready",
        "/openapi/v1.json", // the API document itself
        "/hubs/venue", // SignalR: the venue room and the host dashboard
        "/hubs/customer",
    ];

    [Fact]
    public void Outside_v1_only_the_named_infrastructure_is_routed()
    {
        var routed = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(pattern => !pattern.StartsWith("/v1/", StringComparison.Ordinal))
            .Select(pattern => pattern.EndsWith("/negotiate", StringComparison.Ordinal) ? pattern[..^"/negotiate".Length] : pattern)
            .ToHashSet();

        Assert.Equal(Infrastructure.Order(), routed.Where(r => !Operations(r)).Order());
    }

    [Theory]
    [InlineData("/v2/venues")]
    [InlineData("/v0/venues")]
    [InlineData("/api/venues")]
    [InlineData("/api/v1/venues")]
    [InlineData("/v1/internal/grains")]
    [InlineData("/v1/debug")]
    [InlineData("/.env")]
    [InlineData("/.git/config")]
    [InlineData("/appsettings.json")]
    [InlineData("/appsettings.Development.json")]
    [InlineData("/Singr.Api.dll")]
    [InlineData("/web.config")]
    public async Task A_guessed_version_internal_path_or_server_file_answers_404_in_the_envelope(string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"success\":false", body, StringComparison.Ordinal);
    }

    /// <summary>The operator's routes (<c>/ops</c>, <c>/metrics</c>), behind their own token: <c>OperationsTests</c> covers them.</summary>
    private static bool Operations(string pattern) =>
        pattern.StartsWith("/ops", StringComparison.Ordinal) || pattern.StartsWith("/metrics", StringComparison.Ordinal);
}
