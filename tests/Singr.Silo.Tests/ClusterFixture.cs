using Orleans.Runtime;
using Orleans.TestingHost;
using Singr.Silo.Hosting;
using Singr.Testing;

namespace Singr.Silo.Tests;

/// <summary>
/// A fresh migrated database and an Orleans TestCluster of two in-process silos on it, with real ADO.NET membership
/// (the <c>orleans_membership</c> table, not the TestCluster's in-memory membership) and reminders.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const short SiloCount = 2;

    public TestDatabase Database { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var builder = new TestClusterBuilder(SiloCount);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[$"ConnectionStrings:{SingrHosting.ConnectionStringName}"] = Database.ConnectionString;

        // The client is configured by Singr's own UseSingrCluster, which names the cluster from Singr:Orleans.
        builder.Properties[$"{OrleansOptions.SectionName}:{nameof(OrleansOptions.ClusterId)}"] = builder.Options.ClusterId;
        builder.Properties[$"{OrleansOptions.SectionName}:{nameof(OrleansOptions.ServiceId)}"] = builder.Options.ServiceId;

        // A thousand calls queued at one grain wait for a thousand durable commits one after another: on a busy
        // two-core machine the last ones can wait past the 30 s production timeout without anything being wrong.
        builder.Properties[$"{OrleansOptions.SectionName}:{nameof(OrleansOptions.CallTimeout)}"] = "00:02:00";
        foreach (var (key, value) in MembershipSettings())
        {
            builder.Properties[$"{OrleansOptions.SectionName}:Membership:{key}"] = value;
        }

        builder.AddSiloBuilderConfigurator<SingrSiloConfigurator>();
        builder.AddClientBuilderConfigurator<SingrClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            // Stopped before the database is dropped under them; a cluster that failed to deploy has none to stop.
            if (Cluster is not null)
            {
                await Cluster.StopAllSilosAsync();
                await Cluster.DisposeAsync();
            }
        }
        finally
        {
            if (Database is not null)
            {
                await Database.DisposeAsync();
            }
        }
    }

    /// <summary>Stops every silo and the client, then starts as many new silos (new generations) and a new client.</summary>
    public async Task RestartClusterAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.StartAdditionalSilosAsync(SiloCount);
        await Cluster.InitializeClientAsync();
    }

    public IServiceProvider ServicesOf(SiloAddress silo) => Cluster.GetSiloServiceProvider(silo);

    /// <summary>
    /// Orleans's <c>ClusterMembershipOptions</c> by name. Orleans's defaults: every silo notices a changed membership
    /// table on its own within a minute (sooner by gossip), and a silo is declared dead after three missed probes.
    /// </summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> MembershipSettings() => [];
}
