using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>What makes a player's state report valid, over HTTP and over the hub alike; each problem by field.</summary>
public static class PlayerReportRules
{
    public const double MaxPositionSeconds = 24 * 3600;
    public const int MaxVolume = 100;

    public static IReadOnlyList<FieldProblem> Check(string? status, Guid? itemId, double? positionSeconds, int? volume)
    {
        var problems = new List<FieldProblem>();
        if (status is null || !PlayerStatuses.Reportable.Contains(status))
        {
            problems.Add(new("status", $"One of {string.Join(", ", PlayerStatuses.Reportable)}."));
        }

        if (status is PlayerStatuses.Playing or PlayerStatuses.Paused && itemId is null)
        {
            problems.Add(new("itemId", "Required while playing or paused."));
        }

        if (positionSeconds is < 0 or > MaxPositionSeconds || (positionSeconds is { } position && !double.IsFinite(position)))
        {
            problems.Add(new("positionSeconds", "From 0 to 86400."));
        }

        if (volume is < 0 or > MaxVolume)
        {
            problems.Add(new("volume", "From 0 to 100."));
        }

        return problems;
    }

    public static IReadOnlyList<FieldProblem> Check(PlayerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Check(report.Status, report.ItemId, report.PositionSeconds, report.Volume);
    }
}
