using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Singr.Api.Health;
using Singr.Silo.Hosting;
using Singr.Silo.Migrations;

namespace Singr.Api.Tests;

public sealed class HealthEndpointTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Fact]
    public async Task Live_answers_with_an_envelope_while_the_process_is_up()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("Healthy", body.RootElement.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(
            response.Headers.GetValues("X-Request-Id").Single(),
            body.RootElement.GetProperty("meta").GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Ready_reports_the_migrations_applied_and_the_silo_active()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ready = body.RootElement.GetProperty("data").GetProperty("checks").GetProperty("ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", ready.GetProperty("migrations").GetString());
        Assert.Equal("Active", ready.GetProperty("silo").GetString());
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"));
    }

    [Fact]
    public async Task Not_ready_until_the_migrations_are_applied_and_the_silo_is_active()
    {
        var migrations = new MigrationStatus();
        var check = new ReadinessHealthCheck(migrations, new FixedPresence(IsActive: false, Status: "Joining"));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("pending", result.Data["migrations"]);
        Assert.Equal("Joining", result.Data["silo"]);
    }

    [Fact]
    public async Task Not_ready_answers_503_with_an_error_envelope_saying_why()
    {
        await using var factory = new SingrApiFactory(
            fixture.Database,
            configureServices: services => services.AddSingleton<IClusterPresence>(new FixedPresence(IsActive: false, Status: "ShuttingDown")));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").ValueKind);
        Assert.Equal("NOT_READY", error.GetProperty("code").GetString());
        Assert.Contains(
            error.GetProperty("details").EnumerateArray(),
            d => d.GetProperty("field").GetString() == "silo" && d.GetProperty("message").GetString() == "ShuttingDown");
    }
}
