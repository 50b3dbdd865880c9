// The process tests start four Singr processes each and time how fast the cluster recovers; on a two-core machine they
// must not share it with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
