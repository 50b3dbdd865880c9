namespace Singr.Domain.Tests;

/// <summary>What one generated step does to a venue's queue order.</summary>
internal enum QueueOrderStepKind
{
    /// <summary>A patron's request, free or priority.</summary>
    Request,

    /// <summary>A host sends the whole queue in a new order.</summary>
    Reorder,

    /// <summary>A host sends a whole-queue order that is not a permutation of the queue (stale or malformed).</summary>
    WrongReorder,

    /// <summary>A host moves one item (maybe an unknown one, maybe to a position out of range).</summary>
    Move,

    /// <summary>A host skips or removes one item (maybe one no longer queued).</summary>
    Remove,

    /// <summary>The first item starts playing and leaves the queue.</summary>
    Advance,
}
