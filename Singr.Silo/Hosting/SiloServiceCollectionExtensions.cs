using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Cluster;
using Singr.Silo.Forwarding;
using Singr.Silo.Migrations;
using Singr.Silo.Reminders;
using Singr.Silo.Runtime;
using Singr.Silo.Storage;
using Singr.Silo.Streams;

namespace Singr.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
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

    /// <summary>
    /// Joins this process to the Singr cluster in the role <c>Singr:Cluster:Role</c> names: grain references, routing,
    /// forwarding and event streams always; a silo hosting grains unless the role is <c>api</c>. Register after
    /// <see cref="AddSingrDatabase"/> so the schema is current before the silo starts.
    /// </summary>
    public static IServiceCollection AddSingrCluster(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<GrainTypeRegistry> registerGrains,
        Action<SiloOptions>? configureSilo = null,
        Action<ClusterOptions>? configureCluster = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(registerGrains);
        var siloOptions = services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.SectionName));
        var clusterOptions = services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.AddOptions<StreamOptions>().Bind(configuration.GetSection(StreamOptions.SectionName));
        if (configureSilo is not null)
        {
            siloOptions.Configure(configureSilo);
        }

        if (configureCluster is not null)
        {
            clusterOptions.Configure(configureCluster);
        }

        var registry = new GrainTypeRegistry();
        registerGrains(registry);
        services.AddSingleton(registry);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SiloOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClusterOptions>>().Value);
        services.AddSingleton<SiloLifecycle>();
        AddRouting(services);
        AddStreams(services);

        var role = RoleOf(configuration, configureCluster);
        if (role == ProcessRole.Api)
        {
            services.AddHostedService<FrontEndHostedService>();
        }
        else
        {
            AddSilo(services);
        }

        return services;
    }

    private static void AddRouting(IServiceCollection services)
    {
        services.AddSingleton<ClusterMembershipView>();
        services.AddSingleton<GrainLocator>();
        services.AddSingleton<GrainCallCodec>();
        services.AddSingleton<ClusterSecret>();
        services.AddSingleton(sp => new SiloClient(
            new HttpClient(new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(3),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            sp.GetRequiredService<ClusterSecret>(),
            sp.GetRequiredService<GrainCallCodec>(),
            sp.GetRequiredService<ClusterOptions>()));
        services.AddSingleton<GrainCallRouter>();
        services.AddSingleton<IGrainFactory, GrainFactory>();
    }

    private static void AddStreams(IServiceCollection services)
    {
        services.AddSingleton<EventStreamHub>();
        services.AddSingleton<IEventStreams>(sp => sp.GetRequiredService<EventStreamHub>());
        services.AddSingleton<StreamNotificationListener>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<StreamNotificationListener>());
        services.AddHostedService<StreamRetentionService>();
    }

    private static void AddSilo(IServiceCollection services)
    {
        services.AddSingleton(sp => SiloIdentity.New(sp.GetRequiredService<SiloOptions>().Address, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GrainStateStorage>();
        services.AddSingleton<GrainDirectory>();
        services.AddSingleton<ReminderTable>();
        services.AddSingleton<MembershipDataSource>();
        services.AddSingleton<MembershipTable>();
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<SiloFencing>();
        services.AddSingleton<MembershipAgent>();
        services.AddSingleton<ActivationCollector>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService<SiloHostedService>();
    }

    private static ProcessRole RoleOf(IConfiguration configuration, Action<ClusterOptions>? configureCluster)
    {
        var options = new ClusterOptions();
        configuration.GetSection(ClusterOptions.SectionName).Bind(options);
        configureCluster?.Invoke(options);
        return options.ParsedRole;
    }
}
