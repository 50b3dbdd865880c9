namespace Singr.Api.Players;

/// <summary>Bound from <c>Singr:Player</c>: how the player page plays videos.</summary>
public sealed class PlayerOptions
{
    public const string SectionName = "Singr:Player";

    public const string YouTube = "youtube";

    /// <summary>A stand-in that "plays" each item for a few seconds with no network: for tests, never in production.</summary>
    public const string TestAdapter = "test";

    public string VideoAdapter { get; set; } = YouTube;
}
