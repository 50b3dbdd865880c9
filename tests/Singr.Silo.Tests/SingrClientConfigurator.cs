using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Singr.Silo.Hosting;

namespace Singr.Silo.Tests;

/// <summary>The TestCluster's client is a Singr front end: it finds the gateways in the membership table and retries stale-state calls.</summary>
public sealed class SingrClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseSingrCluster(configuration, SingrHosting.ConnectionStringFrom(configuration));
}
