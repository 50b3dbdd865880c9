using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Cluster;
using Singr.Silo.Migrations;
using Singr.Silo.Reminders;
using Singr.Silo.Runtime;
using Singr.Silo.Storage;

namespace Singr.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>The PostgreSQL data source every part of Singr shares, and the migrations applied at start-up.</summary>
    public static IServiceCollection AddSingrDatabase(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MigrationStatus>();
        services.TryAddSingleton<MigrationRunner>();
        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }

    /// <summary>
    /// Hosts a silo in this process. Register after <see cref="AddSingrDatabase"/> so migrations run before the silo
    /// starts, and before the web server so the silo stops after it (the server drains requests first).
    /// </summary>
    public static IServiceCollection AddSingrSilo(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<GrainTypeRegistry> registerGrains,
        Action<SiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(registerGrains);
        var optionsBuilder = services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.SectionName));
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        var registry = new GrainTypeRegistry();
        registerGrains(registry);
        services.AddSingleton(registry);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SiloOptions>>().Value);
        services.AddSingleton(sp => SiloIdentity.New(sp.GetRequiredService<SiloOptions>().Address, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SiloLifecycle>();
        services.AddSingleton<GrainStateStorage>();
        services.AddSingleton<GrainDirectory>();
        services.AddSingleton<ReminderTable>();
        services.AddSingleton<MembershipTable>();
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        services.AddSingleton<MembershipAgent>();
        services.AddSingleton<ActivationCollector>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
