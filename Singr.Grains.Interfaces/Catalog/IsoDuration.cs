using System.Globalization;
using System.Text.RegularExpressions;

namespace Singr.Grains.Interfaces.Catalog;

/// <summary>
/// YouTube's video lengths, ISO 8601 durations: <c>PT3M25S</c>, <c>PT1H3M25S</c>, <c>P1DT2H</c> (over a day),
/// <c>P0D</c> (a live stream). Years and months are refused: no video is measured in them.
/// </summary>
public static partial class IsoDuration
{
    /// <returns>The whole seconds, or null when <paramref name="text"/> is not such a duration.</returns>
    public static int? Seconds(string? text)
    {
        if (text is null || Pattern().Match(text) is not { Success: true } match || text is "P" or "PT" || text.EndsWith('T'))
        {
            return null;
        }

        long Part(string name) =>
            match.Groups[name].Success ? long.Parse(match.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

        try
        {
            var seconds = checked((Part("w") * 7 * 86_400) + (Part("d") * 86_400) + (Part("h") * 3_600) + (Part("m") * 60) + Part("s"));
            return seconds <= int.MaxValue ? (int)seconds : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^P(?:(?<w>\d{1,9})W)?(?:(?<d>\d{1,9})D)?(?:T(?:(?<h>\d{1,9})H)?(?:(?<m>\d{1,9})M)?(?:(?<s>\d{1,9})(?:\.\d+)?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
