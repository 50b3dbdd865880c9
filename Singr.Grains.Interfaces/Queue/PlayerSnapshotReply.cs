namespace Singr.Grains.Interfaces.Queue;

/// <summary>The venue's answer to a queue snapshot, once reconciled.</summary>
/// <param name="Report">As for any report: the fence, corrections and host commands waiting.</param>
/// <param name="Applied">Keys of the records that changed the venue now.</param>
/// <param name="AlreadyKnown">Keys of records the venue had already (a resend, or the song had already ended there).</param>
[GenerateSerializer]
[Alias("singr.queue.PlayerSnapshotReply")]
public sealed record PlayerSnapshotReply(
    [property: Id(0)] PlayerReportReply Report,
    [property: Id(1)] IReadOnlyList<string> Applied,
    [property: Id(2)] IReadOnlyList<string> AlreadyKnown,
    [property: Id(3)] IReadOnlyList<AddedAtPlayerResult> Added);
