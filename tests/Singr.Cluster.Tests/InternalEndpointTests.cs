using System.Net;
using System.Net.Http.Json;
using Singr.Testing;

namespace Singr.Cluster.Tests;

public sealed class InternalEndpointTests : DatabaseTest
{
    private const string InvokePath = "/internal/v1/grains/invoke";

    private static readonly object CounterCall = new
    {
        grainType = "counter",
        grainKey = "outsider",
        @interface = "Singr.Testing.Grains.ICounterGrain",
        method = "Increment()",
        arguments = Array.Empty<object>(),
        hops = 1,
    };

    [Theory]
    [InlineData(null)]
    [InlineData("a-wrong-secret-that-is-long-enough-0123456789")]
    public async Task A_silo_refuses_internal_calls_without_the_cluster_secret_and_runs_nothing(string? secret)
    {
        await Database.ExecuteAsync(Singr.Testing.Grains.CounterGrain.HistoryTableSql);
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        using var client = new HttpClient { BaseAddress = silo.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, InvokePath) { Content = JsonContent.Create(CounterCall) };
        if (secret is not null)
        {
            request.Headers.Add("X-Singr-Cluster-Secret", secret);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM counter_history"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM grain_state"));
    }
}
