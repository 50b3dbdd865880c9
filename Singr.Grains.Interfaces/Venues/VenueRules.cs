using System.Text.RegularExpressions;
using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Venues;

/// <summary>What makes venue details valid; the API reports each problem by field, the grain refuses the same.</summary>
public static partial class VenueRules
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;

    /// <returns>The problems, empty when valid. Creating requires slug, name and timezone; updating checks what is given.</returns>
    public static IReadOnlyList<FieldProblem> Check(VenueDetails details, bool creating)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<FieldProblem>();
        if (details.Slug is not null || creating)
        {
            if (!IsSlug(details.Slug))
            {
                problems.Add(new("venueId", "The venue id must be 3 to 64 lowercase letters, digits and single dashes (e.g. main-bar)."));
            }
        }

        if ((details.Name is not null || creating) && (string.IsNullOrWhiteSpace(details.Name) || details.Name.Trim().Length > MaxNameLength))
        {
            problems.Add(new("name", $"The name is required, at most {MaxNameLength} characters."));
        }

        if ((details.Timezone is not null || creating) && !IsTimezone(details.Timezone))
        {
            problems.Add(new("timezone", "The timezone must be an IANA name such as Europe/London."));
        }

        if (details.Address is { Length: > MaxAddressLength })
        {
            problems.Add(new("address", $"The address is at most {MaxAddressLength} characters."));
        }

        return problems;
    }

    public static bool IsSlug(string? slug) => slug is { Length: >= 3 and <= 64 } && SlugPattern().IsMatch(slug);

    private static bool IsTimezone(string? timezone) =>
        !string.IsNullOrWhiteSpace(timezone)
        && (timezone == "UTC" || timezone.Contains('/', StringComparison.Ordinal))
        && TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out _);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
