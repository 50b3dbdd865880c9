namespace Singr.Silo.Tests;

/// <summary>The test classes that share one two-silo cluster: they run one after another, never beside each other.</summary>
[CollectionDefinition(Name)]
public sealed class TwoSiloCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "two-silo cluster";
}
