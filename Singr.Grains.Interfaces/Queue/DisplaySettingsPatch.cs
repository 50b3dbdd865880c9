namespace Singr.Grains.Interfaces.Queue;

/// <summary>A change to <see cref="DisplaySettings"/>: null fields stay as they are.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.DisplaySettingsPatch")]
public sealed record DisplaySettingsPatch(
    [property: Id(0)] bool? ShowNowPlaying = null,
    [property: Id(1)] string? NowPlayingPosition = null,
    [property: Id(2)] bool? ShowUpNext = null,
    [property: Id(3)] int? UpNextCount = null,
    [property: Id(4)] string? ScrollingMessage = null,
    [property: Id(5)] string? Theme = null,
    [property: Id(6)] string? FontSize = null)
{
    public DisplaySettings ApplyTo(DisplaySettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new(
            ShowNowPlaying ?? current.ShowNowPlaying,
            NowPlayingPosition ?? current.NowPlayingPosition,
            ShowUpNext ?? current.ShowUpNext,
            UpNextCount ?? current.UpNextCount,
            ScrollingMessage?.Trim() ?? current.ScrollingMessage,
            Theme ?? current.Theme,
            FontSize ?? current.FontSize);
    }
}
