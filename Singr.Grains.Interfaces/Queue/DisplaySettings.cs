namespace Singr.Grains.Interfaces.Queue;

/// <summary>What the venue's player screen shows besides the video (the seed's <c>display_settings</c>).</summary>
/// <param name="NowPlayingPosition">header, footer or sidebar.</param>
/// <param name="UpNextCount">How many queued songs the screen lists, 1 to 10.</param>
/// <param name="ScrollingMessage">A line that runs along the bottom of the screen; empty for none.</param>
/// <param name="Theme">dark or light.</param>
/// <param name="FontSize">small, medium or large.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.DisplaySettings")]
public sealed record DisplaySettings(
    [property: Id(0)] bool ShowNowPlaying,
    [property: Id(1)] string NowPlayingPosition,
    [property: Id(2)] bool ShowUpNext,
    [property: Id(3)] int UpNextCount,
    [property: Id(4)] string ScrollingMessage,
    [property: Id(5)] string Theme,
    [property: Id(6)] string FontSize)
{
    public static IReadOnlyList<string> Positions { get; } = ["header", "footer", "sidebar"];

    public static IReadOnlyList<string> Themes { get; } = ["dark", "light"];

    public static IReadOnlyList<string> FontSizes { get; } = ["small", "medium", "large"];

    public static DisplaySettings Default { get; } = new(true, "footer", true, 3, string.Empty, "dark", "medium");
}
