namespace Singr.Grains.Interfaces.Queue;

/// <summary>A change to <see cref="PlayerSettings"/>: null fields stay as they are.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.PlayerSettingsPatch")]
public sealed record PlayerSettingsPatch(
    [property: Id(0)] int? Volume = null,
    [property: Id(1)] bool? Autoplay = null,
    [property: Id(2)] bool? Shuffle = null,
    [property: Id(3)] string? Repeat = null,
    [property: Id(4)] string? VideoQuality = null,
    [property: Id(5)] int? CrossfadeSeconds = null)
{
    public PlayerSettings ApplyTo(PlayerSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new(
            Volume ?? current.Volume,
            Autoplay ?? current.Autoplay,
            Shuffle ?? current.Shuffle,
            Repeat ?? current.Repeat,
            VideoQuality ?? current.VideoQuality,
            CrossfadeSeconds ?? current.CrossfadeSeconds);
    }
}
