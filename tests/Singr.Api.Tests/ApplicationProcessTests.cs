using System.Net;
using System.Text.Json;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>The application as its own process: what `make run` serves and what Kubernetes probes and stops.</summary>
public sealed class ApplicationProcessTests() : DatabaseTest(migrate: false)
{
    private static readonly string TestSigningKey = Convert.ToBase64String(new byte[32]);

    [Fact]
    public async Task The_process_becomes_ready_logs_json_without_secrets_and_stops_gracefully_on_sigterm()
    {
        await using var app = ApplicationProcess.Start(Database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Singr__SeedDemo"] = "true",
            ["Singr__Auth__SigningKey"] = TestSigningKey,
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        await Eventually.TrueAsync(
            async () => app.HasExited
                ? throw new InvalidOperationException("The process exited:\n" + string.Join('\n', app.OutputLines))
                : await ApplicationProcess.IsReadyAsync(client),
            TimeSpan.FromSeconds(90),
            "the process answers /health/ready with 200");
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/health/live?access_token=SECRET-IN-QUERY"))
        {
            request.Headers.Add("X-Request-Id", "process-test-1");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "SECRET-IN-HEADER");
            using var live = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        app.Signal("TERM");
        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, app.ExitCode);
        var lines = app.OutputLines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, l => l.Contains("/health/live", StringComparison.Ordinal) && l.Contains("process-test-1", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("SECRET", StringComparison.Ordinal));
        // Orleans marks a silo that left gracefully Dead (6) as its last step.
        Assert.Equal([6], await Database.ColumnAsync<int>("SELECT status FROM orleans_membership"));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM venues WHERE slug = 'demo-venue'"));
    }

    [Theory]
    [InlineData(false, "SINGR_POSTGRES")]
    [InlineData(true, "Singr__Auth__SigningKey")]
    public async Task A_process_missing_required_configuration_refuses_to_start_and_says_what_to_set(bool withDatabase, string namesSetting)
    {
        await using var app = ApplicationProcess.Start(withDatabase ? Database.ConnectionString : string.Empty, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });

        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(app.OutputLines, l => l.Contains(namesSetting, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_only_applies_the_migrations_and_exits_without_serving()
    {
        await using var job = ApplicationProcess.Start("Singr.Api", Database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }, "--migrate-only");

        await job.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, job.ExitCode);
        Assert.Equal(
            Singr.Silo.Migrations.EmbeddedMigrations.Load().Count,
            (int)await Database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership"));
    }

    [Fact]
    public async Task A_process_that_does_not_migrate_waits_not_ready_until_the_migration_job_has_run()
    {
        await using var app = ApplicationProcess.Start(Database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Singr__Auth__SigningKey"] = TestSigningKey,
            ["Singr__Database__MigrateOnStart"] = "false",
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(await ApplicationProcess.IsReadyAsync(client));

        await using (var job = ApplicationProcess.Start("Singr.Api", Database.ConnectionString, new Dictionary<string, string>(), "--migrate-only"))
        {
            await job.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, job.ExitCode);
        }

        await Eventually.TrueAsync(() => ApplicationProcess.IsReadyAsync(client), TimeSpan.FromSeconds(30), "ready once the schema is current");
    }

    [Fact]
    public async Task An_operator_makes_the_first_platform_admin_from_the_command_line_of_a_running_cluster()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        await using var app = ApplicationProcess.Start(Database.ConnectionString, environment);
        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var user = await ApiUser.RegisterAsync(client, "first-admin");
        using var beforeGrant = await user.SendAsync(HttpMethod.Get, "/v1/admin/audit");

        await using var grant = ApplicationProcess.Start("Singr.Api", Database.ConnectionString, environment, "--grant-platform-role", "admin", user.Email.ToUpperInvariant());
        await grant.WaitForExitAsync(TimeSpan.FromSeconds(90));
        await using var unknown = ApplicationProcess.Start("Singr.Api", Database.ConnectionString, environment, "--grant-platform-role", "admin", "nobody@example.com");
        await unknown.WaitForExitAsync(TimeSpan.FromSeconds(90));
        await user.SignInAgainAsync();
        using var afterGrant = await user.SendAsync(HttpMethod.Get, "/v1/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, beforeGrant.StatusCode);
        Assert.True(grant.ExitCode == 0, string.Join('\n', grant.OutputLines));
        Assert.Contains(grant.OutputLines, line => line.Contains("is now admin", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, afterGrant.StatusCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains(unknown.OutputLines, line => line.Contains("ACCOUNT_NOT_FOUND", StringComparison.Ordinal));
    }
}
