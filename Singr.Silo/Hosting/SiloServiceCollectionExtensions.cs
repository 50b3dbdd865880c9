using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Singr.Grains.Persistence;
using Singr.Grains.Queue;
using Singr.Silo.Migrations;
using Singr.Silo.Storage;
using Singr.Silo.Streams;

namespace Singr.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>ADO.NET invariant of the Orleans membership and reminder providers.</summary>
    private const string Invariant = "Npgsql";

    /// <summary>The PostgreSQL data source every part of Singr shares, and the migrations checked or applied at start-up.</summary>
    public static IServiceCollection AddSingrDatabase(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.TryAddSingleton(new DatabaseConnectionString(connectionString));
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MigrationStatus>();
        services.TryAddSingleton<MigrationRunner>();
        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }

    /// <summary>Each venue's event log, followed by NOTIFY and polling: every front end delivers to its own connections.</summary>
    public static IServiceCollection AddSingrEventStreams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StreamOptions>().Bind(configuration.GetSection(StreamOptions.SectionName));
        services.TryAddSingleton<EventStreamHub>();
        services.TryAddSingleton<IEventStreams>(sp => sp.GetRequiredService<EventStreamHub>());
        services.TryAddSingleton<StreamNotificationListener>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<StreamNotificationListener>());
        services.AddHostedService<StreamRetentionService>();
        return services;
    }

    /// <summary>
    /// A silo of the Singr cluster: ADO.NET membership and reminders on the PostgreSQL of <paramref name="connectionString"/>,
    /// Singr's grain state storage with its fencing, and the retry of calls that lost a state version race. Register
    /// <see cref="AddSingrDatabase"/> first, so the schema is current before the silo joins.
    /// </summary>
    public static ISiloBuilder UseSingrCluster(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = OptionsFrom(configuration);
        silo.Configure(ClusterIdentity(options));
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection($"{OrleansOptions.SectionName}:Membership"));
        silo.ConfigureEndpoints(AdvertisedAddress(options), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = Invariant;
            clustering.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = Invariant;
            reminders.ConnectionString = connectionString;
        });
        // The dashboard's silo side (grain statistics); front ends serve its pages to platform admins.
        silo.AddDashboard();
        return silo.AddSingrGrainRuntime(configuration);
    }

    /// <summary>
    /// What every Singr silo has whatever its clustering (the Orleans TestCluster brings its own endpoints): Singr's
    /// grain state storage with its fencing, the retry of calls that lost a state version race, idle collection and call
    /// timeouts from <c>Singr:Orleans</c>, and the silo's presence for the readiness probe.
    /// </summary>
    public static ISiloBuilder AddSingrGrainRuntime(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = OptionsFrom(configuration);
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = options.IdleTimeout);
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = options.CallTimeout);
        silo.AddSingrCallRetries();
        silo.Services.AllowSingrExceptionsAcrossCalls();
        silo.Services.AddSingrGrainStorage();
        silo.Services.TryAddSingleton<IClusterPresence, LocalSiloPresence>();
        silo.Services.TryAddSingleton<Singr.Grains.Accounts.ISmsCodeVerifier, Singr.Grains.Accounts.OwnSmsCodes>();
        return silo;
    }

    /// <summary>A front end: an Orleans client that finds the silos' gateways in the membership table.</summary>
    public static IClientBuilder UseSingrCluster(this IClientBuilder client, IConfiguration configuration, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = OptionsFrom(configuration);
        client.Configure(ClusterIdentity(options));
        client.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = Invariant;
            clustering.ConnectionString = connectionString;
        });
        client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.CallTimeout);
        client.AddSingrCallRetries();
        client.Services.AllowSingrExceptionsAcrossCalls();
        client.Services.AddSingleton<IClientConnectionRetryFilter>(new GatewayConnectionRetry(options.ConnectTimeout));
        client.Services.TryAddSingleton<IClusterPresence, ClientPresence>();
        return client;
    }

    /// <summary>
    /// Calls a draining or dead silo did not answer are sent again (<see cref="UndeliveredCallRetryFilter"/>), and so are
    /// calls that lost a state version race (<see cref="StaleStateRetryFilter"/>).
    /// </summary>
    private static void AddSingrCallRetries(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.AddOutgoingGrainCallFilter<UndeliveredCallRetryFilter>();
        silo.AddOutgoingGrainCallFilter<StaleStateRetryFilter>();
    }

    /// <inheritdoc cref="AddSingrCallRetries(ISiloBuilder)"/>
    private static void AddSingrCallRetries(this IClientBuilder client)
    {
        client.Services.TryAddSingleton(TimeProvider.System);
        client.AddOutgoingGrainCallFilter<UndeliveredCallRetryFilter>();
        client.AddOutgoingGrainCallFilter<StaleStateRetryFilter>();
    }

    /// <summary>Singr's grain state: <c>[VersionedState]</c> parameters, the fenced state store, the request archive.</summary>
    private static IServiceCollection AddSingrGrainStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<SiloWriteFence>();
        services.TryAddSingleton<GrainStateStore>();
        services.TryAddSingleton<IRequestArchive, RequestArchive>();
        services.TryAddSingleton<IAttributeToFactoryMapper<VersionedStateAttribute>, VersionedStateAttributeMapper>();
        return services;
    }

    /// <summary>Orleans serializes only exceptions of namespaces it is told of: Singr's (a fenced silo, a row conflict) too.</summary>
    private static void AllowSingrExceptionsAcrossCalls(this IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Singr."));

    private static Action<ClusterOptions> ClusterIdentity(OrleansOptions options) => cluster =>
    {
        cluster.ClusterId = options.ClusterId;
        cluster.ServiceId = options.ServiceId;
    };

    public static OrleansOptions OptionsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new OrleansOptions();
        configuration.GetSection(OrleansOptions.SectionName).Bind(options);
        return options;
    }

    private static IPAddress AdvertisedAddress(OrleansOptions options) =>
        string.IsNullOrWhiteSpace(options.AdvertisedAddress) ? IPAddress.Loopback : IPAddress.Parse(options.AdvertisedAddress);
}
