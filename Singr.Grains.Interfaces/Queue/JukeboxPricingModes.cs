namespace Singr.Grains.Interfaces.Queue;

/// <summary>What a jukebox request costs at a PAID venue: the venue's usual cost, or each video's own price.</summary>
public static class JukeboxPricingModes
{
    /// <summary>Every request costs the venue's usual cost (<see cref="VenueSettings.CostPerSong"/> in PAID mode).</summary>
    public const string Flat = "FLAT";

    /// <summary>A PAID venue charges each video its own price (<see cref="Catalog.VideoCredits"/>).</summary>
    public const string ByVideo = "BY_VIDEO";

    public static IReadOnlyList<string> All { get; } = [Flat, ByVideo];
}
