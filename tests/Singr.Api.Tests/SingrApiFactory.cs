using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>The real application (silo in process) against a test database, with its logs captured.</summary>
public sealed class SingrApiFactory(TestDatabase database, bool seedDemo = false, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Singr", database.ConnectionString);
        builder.UseSetting("Singr:SeedDemo", seedDemo ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs));
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }
}
