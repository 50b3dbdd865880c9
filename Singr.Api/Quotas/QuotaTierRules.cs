using Singr.Api.Http;
using Singr.Grains.Interfaces.Quotas;

namespace Singr.Api.Quotas;

/// <summary>Checks a venue's new tiers field by field (<c>tiers[1].name</c>), and gives them in the shape the grain takes.</summary>
public static class QuotaTierRules
{
    public static IReadOnlyList<ApiErrorDetail> Check(QuotaTiersBody body, out IReadOnlyList<QuotaTier> tiers, out string? defaultTier)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<ApiErrorDetail>();
        var valid = new List<QuotaTier>();
        defaultTier = null;
        tiers = valid;
        if (body.Tiers is null)
        {
            problems.Add(new ApiErrorDetail("tiers", "The venue's tiers: a list, empty for unlimited requests."));
            return problems;
        }

        if (body.Tiers.Count > SetQuotaTiers.MaxTiers)
        {
            problems.Add(new ApiErrorDetail("tiers", $"At most {SetQuotaTiers.MaxTiers} tiers."));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < body.Tiers.Count; i++)
        {
            var field = $"tiers[{i}]";
            if (body.Tiers[i] is not { } tier)
            {
                problems.Add(new ApiErrorDetail(field, "A tier: name, requestsAllowed and period."));
                continue;
            }

            var name = tier.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > SetQuotaTiers.MaxNameLength || name.Any(char.IsControl))
            {
                problems.Add(new ApiErrorDetail($"{field}.name", $"A name of 1 to {SetQuotaTiers.MaxNameLength} characters."));
            }
            else if (!names.Add(name))
            {
                problems.Add(new ApiErrorDetail($"{field}.name", $"Another tier is already called \"{name}\" (names are compared in any case)."));
            }

            if (tier.RequestsAllowed is not (>= 0 and <= SetQuotaTiers.MaxRequestsAllowed))
            {
                problems.Add(new ApiErrorDetail($"{field}.requestsAllowed", $"From 0 to {SetQuotaTiers.MaxRequestsAllowed} requests per period."));
            }

            if (tier.Period is null || !QuotaPeriods.All.Contains(tier.Period))
            {
                problems.Add(new ApiErrorDetail($"{field}.period", $"One of {string.Join(", ", QuotaPeriods.All)}."));
            }

            if (name is not null && tier.RequestsAllowed is { } allowed && tier.Period is { } period)
            {
                valid.Add(new QuotaTier(name, allowed, period));
            }
        }

        var wanted = body.DefaultTier?.Trim();
        if (!string.IsNullOrEmpty(wanted))
        {
            defaultTier = valid.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase))?.Name;
            if (defaultTier is null)
            {
                problems.Add(new ApiErrorDetail("defaultTier", "One of the tiers' names, or null for unlimited requests."));
            }
        }

        return problems;
    }
}
