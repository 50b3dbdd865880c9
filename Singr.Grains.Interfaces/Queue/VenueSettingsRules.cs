using System.Globalization;
using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>What makes a settings change valid; the API reports each problem by field.</summary>
public static class VenueSettingsRules
{
    public const int MaxCost = 1000;
    public const int MaxQueueLimit = 1000;
    public const int MaxPendingPerPatronLimit = 1000;
    public const int MaxNoRepeatMinutes = 24 * 60;
    public const int MaxBlocklistEntries = 500;
    public const int MaxScrollingMessageLength = 200;

    public static IReadOnlyList<FieldProblem> Check(VenueSettingsPatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var problems = new List<FieldProblem>();
        if (patch.Mode is not null && !RequestModes.All.Contains(patch.Mode))
        {
            problems.Add(new("mode", $"One of {string.Join(", ", RequestModes.All)}."));
        }

        if (patch.Rotation is not null && !RotationModes.All.Contains(patch.Rotation))
        {
            problems.Add(new("rotation", $"One of {string.Join(", ", RotationModes.All)}."));
        }

        if (patch.JukeboxPricing is not null && !JukeboxPricingModes.All.Contains(patch.JukeboxPricing))
        {
            problems.Add(new("jukeboxPricing", $"One of {string.Join(", ", JukeboxPricingModes.All)}."));
        }

        if (patch.ChargeAt is not null && !ChargeTimings.All.Contains(patch.ChargeAt))
        {
            problems.Add(new("chargeAt", $"One of {string.Join(", ", ChargeTimings.All)}."));
        }

        Range(problems, "costPerSong", patch.CostPerSong, 1, MaxCost);
        Range(problems, "priorityCost", patch.PriorityCost, 1, MaxCost);
        Range(problems, "maxPriorityInARow", patch.MaxPriorityInARow, 1, 50);
        Range(problems, "queueLimit", patch.QueueLimit, 1, MaxQueueLimit);
        Range(problems, "maxPendingPerPatron", patch.MaxPendingPerPatron, 1, MaxPendingPerPatronLimit);
        Range(problems, "noRepeatMinutes", patch.NoRepeatMinutes, 0, MaxNoRepeatMinutes);
        if (patch.AutoCloseAt is not null && !TryParseTimeOfDay(patch.AutoCloseAt, out _))
        {
            problems.Add(new("autoCloseAt", "A local time of day as HH:mm, e.g. 02:00."));
        }

        if (patch.Blocklist is { } blocklist
            && (blocklist.Artists.Count + blocklist.Titles.Count + blocklist.VideoIds.Count > MaxBlocklistEntries
                || blocklist.Artists.Concat(blocklist.Titles).Concat(blocklist.VideoIds).Any(e => string.IsNullOrWhiteSpace(e) || e.Length > 200)))
        {
            problems.Add(new("blocklist", $"At most {MaxBlocklistEntries} non-blank entries of up to 200 characters."));
        }

        if (patch.Display is { } display)
        {
            OneOf(problems, "display.nowPlayingPosition", display.NowPlayingPosition, DisplaySettings.Positions);
            OneOf(problems, "display.theme", display.Theme, DisplaySettings.Themes);
            OneOf(problems, "display.fontSize", display.FontSize, DisplaySettings.FontSizes);
            Range(problems, "display.upNextCount", display.UpNextCount, 1, 10);
            if (display.ScrollingMessage is { Length: > MaxScrollingMessageLength })
            {
                problems.Add(new("display.scrollingMessage", $"At most {MaxScrollingMessageLength} characters."));
            }
        }

        if (patch.Player is { } player)
        {
            Range(problems, "player.volume", player.Volume, 0, 100);
            Range(problems, "player.crossfadeSeconds", player.CrossfadeSeconds, 0, PlayerSettings.MaxCrossfadeSeconds);
            OneOf(problems, "player.repeat", player.Repeat, PlayerSettings.Repeats);
            OneOf(problems, "player.videoQuality", player.VideoQuality, VideoQualities.All);
        }

        if (patch.AcceptKaraoke == false && patch.AcceptJukebox == false)
        {
            problems.Add(new("acceptJukebox", "Accept at least one kind of request."));
        }

        return problems;
    }

    public static bool TryParseTimeOfDay(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static void OneOf(List<FieldProblem> problems, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            problems.Add(new(field, $"One of {string.Join(", ", allowed)}."));
        }
    }

    private static void Range(List<FieldProblem> problems, string field, int? value, int min, int max)
    {
        if (value is { } given && (given < min || given > max))
        {
            problems.Add(new(field, $"From {min} to {max}."));
        }
    }
}
