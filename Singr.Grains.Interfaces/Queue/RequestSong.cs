namespace Singr.Grains.Interfaces.Queue;

/// <param name="RequestId">Idempotency: the same id returns the first result and changes nothing more.</param>
/// <param name="Priority">HYBRID only: pay the priority cost to go ahead of free requests.</param>
/// <param name="ByHost">A host requesting on a patron's behalf: free, and past the patron limits.</param>
/// <param name="HostUserId">With <paramref name="ByHost"/>: the member asking, whose role must let them process requests.</param>
/// <param name="SingerAccount">
/// A singer's own karaoke request: their account. Without <paramref name="KeyChangeGiven"/> the key change they last
/// used for this song (at any venue) fills in; with it, the one given is remembered for next time, with the request.
/// </param>
/// <param name="VideoCredits">
/// A jukebox request at a PAID venue that charges by video: the video's own price (<see cref="Catalog.VideoCredits"/>)
/// as the patron was shown it, looked up by the API; without it such a request is refused.
/// </param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.RequestSong")]
public sealed record RequestSong(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Patron Patron,
    [property: Id(2)] SongDetails Song,
    [property: Id(3)] bool Priority,
    [property: Id(4)] bool ByHost,
    [property: Id(5)] Guid? HostUserId = null,
    [property: Id(6)] string? SingerAccount = null,
    [property: Id(7)] bool KeyChangeGiven = true,
    [property: Id(8)] int? VideoCredits = null);
