namespace Singr.Grains.Interfaces.Queue;

/// <summary>How the venue's player screen plays (the seed's <c>player_settings</c>).</summary>
/// <param name="Volume">The volume a screen starts at, 0 to 100.</param>
/// <param name="Autoplay">Start the next song by itself; off, the screen waits for a host's play.</param>
/// <param name="Repeat">none, one or all.</param>
/// <param name="VideoQuality">One of <see cref="VideoQualities.All"/>.</param>
/// <param name="CrossfadeSeconds">0 to 10.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.PlayerSettings")]
public sealed record PlayerSettings(
    [property: Id(0)] int Volume,
    [property: Id(1)] bool Autoplay,
    [property: Id(2)] bool Shuffle,
    [property: Id(3)] string Repeat,
    [property: Id(4)] string VideoQuality,
    [property: Id(5)] int CrossfadeSeconds)
{
    public const int MaxCrossfadeSeconds = 10;

    public static IReadOnlyList<string> Repeats { get; } = ["none", "one", "all"];

    public static PlayerSettings Default { get; } = new(75, true, false, "none", VideoQualities.Hd720, 3);
}
