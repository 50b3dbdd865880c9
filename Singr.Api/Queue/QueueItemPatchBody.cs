namespace Singr.Api.Queue;

/// <param name="Status">skipped, removed or failed.</param>
/// <param name="Position">A new 1-based position.</param>
public sealed record QueueItemPatchBody(string? Status, int? Position);
