using System.Globalization;
using System.Net;
using Npgsql;
using Singr.Api;
using Singr.Api.RateLimiting;
using Singr.Silo.Hosting;
using Singr.Testing;
using IGrainFactory = Orleans.IGrainFactory;

namespace Singr.RequestBenchmark;

/// <summary>
/// The real application as <c>make run</c> has it (Singr.Api co-hosting an Orleans silo, role <c>silo+api</c>) on Kestrel on
/// a free loopback port, its silo and gateway on free ports of their own and in a cluster of its own, with every rate
/// limit raised out of reach and request logging off so the console does not take part in the figures.
/// </summary>
internal sealed class InProcessSingr : IAsyncDisposable
{
    private const string UnreachablePermitLimit = "100000000";

    private InProcessSingr(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <param name="connectionString">The database; its pool size is reset to Npgsql's default, as a deployment has it.</param>
    public static async Task<InProcessSingr> StartAsync(string connectionString)
    {
        var pooled = new NpgsqlConnectionStringBuilder(connectionString);
        pooled.Remove("Maximum Pool Size");
        var url = $"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}";
        List<string> args =
        [
            $"--urls={url}",
            $"--{OrleansOptions.SectionName}:{nameof(OrleansOptions.SiloPort)}={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--{OrleansOptions.SectionName}:{nameof(OrleansOptions.GatewayPort)}={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--{OrleansOptions.SectionName}:{nameof(OrleansOptions.ClusterId)}=bench-{Guid.NewGuid():N}",
            $"--ConnectionStrings:{SingrHosting.ConnectionStringName}={pooled.ConnectionString}",
            "--environment=Development",
            $"--contentRoot={AppContext.BaseDirectory}",
            "--Singr:SeedDemo=false",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        ];
        foreach (var policy in typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(FixedWindowLimit)))
        {
            args.Add($"--{RateLimitOptions.SectionName}:{policy.Name}:{nameof(FixedWindowLimit.PermitLimit)}={UnreachablePermitLimit}");
        }

        var app = SingrApplication.Build([.. args]);
        await app.StartAsync();
        var singr = new InProcessSingr(app, new Uri(url));
        await singr.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return singr;
    }

    /// <summary>One client for all callers, with a connection for each of them (HTTP/1.1 runs one request per connection).</summary>
    public HttpClient CreateClient(int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections + 4, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Singr at {BaseAddress} did not answer /health/ready with 200 within {within}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
