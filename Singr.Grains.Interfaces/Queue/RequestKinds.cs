namespace Singr.Grains.Interfaces.Queue;

public static class RequestKinds
{
    /// <summary>A singer's request: artist, title, key change, notes, singer.</summary>
    public const string Karaoke = "karaoke";

    /// <summary>A video to play: YouTube id, title, artist, duration, thumbnail.</summary>
    public const string Jukebox = "jukebox";

    public static IReadOnlyList<string> All { get; } = [Karaoke, Jukebox];
}
