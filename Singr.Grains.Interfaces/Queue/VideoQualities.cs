namespace Singr.Grains.Interfaces.Queue;

/// <summary>The YouTube player's quality levels (the seed's <c>videoQuality</c>).</summary>
public static class VideoQualities
{
    public const string Default = "default";
    public const string Hd720 = "hd720";

    public static IReadOnlyList<string> All { get; } = [Default, "small", "medium", "large", Hd720, "hd1080", "highres"];
}
