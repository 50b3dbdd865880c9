namespace Singr.RequestBenchmark;

/// <summary>What the setup made: paid venues (by slug) and patrons with credits.</summary>
internal sealed record BenchmarkFixture(IReadOnlyList<string> VenueSlugs, IReadOnlyList<Patron> Patrons);
