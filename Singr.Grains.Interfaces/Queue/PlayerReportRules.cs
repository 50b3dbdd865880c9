using System.Text.RegularExpressions;
using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>What makes a player's state report valid, over HTTP and over the hub alike; each problem by field.</summary>
public static partial class PlayerReportRules
{
    public const double MaxPositionSeconds = 24 * 3600;
    public const int MaxVolume = 100;
    public const double MinPlaybackRate = 0.25;
    public const double MaxPlaybackRate = 2;

    public static IReadOnlyList<FieldProblem> Check(PlayerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = new List<FieldProblem>();
        var status = report.Status;
        if (status is null || !PlayerStatuses.Reportable.Contains(status))
        {
            problems.Add(new("status", $"One of {string.Join(", ", PlayerStatuses.Reportable)}."));
        }
        else if (PlayerStatuses.AboutAnItem.Contains(status) && report.ItemId is null)
        {
            problems.Add(new("itemId", $"Required with {status}."));
        }

        if (report.PositionSeconds is < 0 or > MaxPositionSeconds || !double.IsFinite(report.PositionSeconds))
        {
            problems.Add(new("positionSeconds", "From 0 to 86400."));
        }

        if (report.Volume is < 0 or > MaxVolume)
        {
            problems.Add(new("volume", "From 0 to 100."));
        }

        if (report.Quality is { } quality && !VideoQualities.All.Contains(quality))
        {
            problems.Add(new("quality", $"One of {string.Join(", ", VideoQualities.All)}."));
        }

        if (report.PlaybackRate is { } rate && (!double.IsFinite(rate) || rate < MinPlaybackRate || rate > MaxPlaybackRate))
        {
            problems.Add(new("playbackRate", $"From {MinPlaybackRate} to {MaxPlaybackRate}."));
        }

        if (status == PlayerStatuses.Error && (report.ErrorCode is null || !ErrorCodeShape().IsMatch(report.ErrorCode)))
        {
            problems.Add(new("errorCode", "Why the item could not play: 1 to 40 letters, digits, '.', '_' or '-'."));
        }
        else if (status != PlayerStatuses.Error && report.ErrorCode is not null)
        {
            problems.Add(new("errorCode", "Only with an error report."));
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCodeShape();
}
