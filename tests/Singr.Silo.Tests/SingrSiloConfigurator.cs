using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;
using Singr.Silo.Hosting;

namespace Singr.Silo.Tests;

/// <summary>
/// A TestCluster silo as Singr runs one, but on the TestCluster's endpoints: ADO.NET membership and reminders on the
/// test database (from <c>ConnectionStrings:Singr</c> in the cluster's configuration), the data source and clock
/// <c>AddSingrDatabase</c> would give, and Singr's grain runtime (versioned state with fencing, the stale-state retry).
/// Membership timings come from <c>Singr:Orleans:Membership</c>, as in production.
/// </summary>
public sealed class SingrSiloConfigurator : ISiloConfigurator
{
    private const string Invariant = "Npgsql";

    public void Configure(ISiloBuilder siloBuilder)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        var configuration = siloBuilder.Configuration;
        var connectionString = SingrHosting.ConnectionStringFrom(configuration);
        siloBuilder.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = Invariant;
            clustering.ConnectionString = connectionString;
        });
        siloBuilder.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = Invariant;
            reminders.ConnectionString = connectionString;
        });
        siloBuilder.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection($"{OrleansOptions.SectionName}:Membership"));

        // Production's one-minute floor would make a reminder test wait minutes.
        siloBuilder.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        siloBuilder.Services.AddSingleton(TimeProvider.System);
        siloBuilder.AddSingrGrainRuntime(configuration);

        // SINGR_TEST_SILO_LOGS=1 prints the silos' logs (Orleans's membership steps above all) to the test output.
        if (Environment.GetEnvironmentVariable("SINGR_TEST_SILO_LOGS") is { Length: > 0 })
        {
            siloBuilder.Services.AddLogging(logging => logging
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss.fff ";
                })
                .SetMinimumLevel(LogLevel.Information));
        }
    }
}
