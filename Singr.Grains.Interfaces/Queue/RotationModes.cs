namespace Singr.Grains.Interfaces.Queue;

/// <summary>How a venue orders free requests: in arrival order, or one song per singer per round.</summary>
public static class RotationModes
{
    public const string Fifo = "FIFO";

    /// <summary>Each singer gets one song per round, and a newcomer joins the coming round, not the end of the list.</summary>
    public const string RoundRobin = "ROUND_ROBIN";

    public static IReadOnlyList<string> All { get; } = [Fifo, RoundRobin];
}
