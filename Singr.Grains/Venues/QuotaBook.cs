using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// Request allowances: a patron's tier (assigned, else the venue's default) allows so many requests per night or
/// month in the venue's timezone. A request counts when it is accepted; a rejected one gives its count back, once,
/// because only the turn that moves it out of <c>pending</c> does. No I/O: it reads and changes the venue's state.
/// </summary>
public sealed class QuotaBook(VenueState venue)
{
    public RequestQuota QuotaOf(string patronKey, Guid? userId, DateTimeOffset now)
    {
        if (TierOf(userId) is not { } tier)
        {
            return RequestQuota.Unlimited;
        }

        var period = QuotaPeriods.Label(tier.Period, VenueClock.LocalTime(venue.Timezone, now));
        var used = !venue.QuotaUsage.TryGetValue(patronKey, out var usage) ? 0
            : tier.Period == QuotaPeriods.Month ? (usage.Month == period ? usage.MonthUsed : 0)
            : usage.Night == period ? usage.NightUsed : 0;
        return new RequestQuota(tier.RequestsAllowed, used, Math.Max(0, tier.RequestsAllowed - used), period, tier.Name);
    }

    /// <summary>Counts an accepted request in its night and its month, and forgets patrons with neither current.</summary>
    public void Count(QueueEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.CountsInQuota)
        {
            return;
        }

        var local = VenueClock.LocalTime(venue.Timezone, now);
        var (night, month) = (QuotaPeriods.Label(QuotaPeriods.Night, local), QuotaPeriods.Label(QuotaPeriods.Month, local));
        foreach (var stale in venue.QuotaUsage.Where(u => u.Value.Night != night && u.Value.Month != month).Select(u => u.Key).ToList())
        {
            venue.QuotaUsage.Remove(stale);
        }

        var usage = venue.QuotaUsage.TryGetValue(entry.PatronKey, out var known) ? known : venue.QuotaUsage[entry.PatronKey] = new QuotaUsage();
        if (usage.Night != night)
        {
            (usage.Night, usage.NightUsed) = (night, 0);
        }

        if (usage.Month != month)
        {
            (usage.Month, usage.MonthUsed) = (month, 0);
        }

        usage.NightUsed++;
        usage.MonthUsed++;
        entry.QuotaNight = night;
        entry.QuotaMonth = month;
    }

    /// <summary>Returns a request's count to its night and month, where those are still being counted.</summary>
    public void GiveBack(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.CountsInQuota || !venue.QuotaUsage.TryGetValue(entry.PatronKey, out var usage))
        {
            return;
        }

        if (usage.Night == entry.QuotaNight && usage.NightUsed > 0)
        {
            usage.NightUsed--;
        }

        if (usage.Month == entry.QuotaMonth && usage.MonthUsed > 0)
        {
            usage.MonthUsed--;
        }
    }

    /// <summary>
    /// Replaces the tiers. A patron whose tier is gone falls back to the default; one whose tier was renamed only in
    /// case keeps it. The names must be unique and the default among them (the API checks first).
    /// </summary>
    public void SetTiers(IReadOnlyList<QuotaTier> tiers, string? defaultTier)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var names = tiers.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Count != tiers.Count || tiers.Count > SetQuotaTiers.MaxTiers || (defaultTier is { } chosen && !names.Contains(chosen)))
        {
            throw new ArgumentException("Unique tier names, and a default among them; the API validates them first.", nameof(tiers));
        }

        venue.Quotas.Tiers = [.. tiers];
        venue.Quotas.DefaultTier = defaultTier is null ? null : TierNamed(defaultTier)!.Name;
        foreach (var (userId, tier) in venue.Quotas.Assignments.ToList())
        {
            if (TierNamed(tier) is { } kept)
            {
                venue.Quotas.Assignments[userId] = kept.Name;
            }
            else
            {
                venue.Quotas.Assignments.Remove(userId);
            }
        }
    }

    /// <summary>Gives a patron a tier (null: back to the default); false when the venue has no tier of that name.</summary>
    public bool Assign(Guid userId, string? tier)
    {
        if (tier is null)
        {
            venue.Quotas.Assignments.Remove(userId);
            return true;
        }

        if (TierNamed(tier) is not { } named)
        {
            return false;
        }

        venue.Quotas.Assignments[userId] = named.Name;
        return true;
    }

    public string? AssignedTier(Guid userId) => venue.Quotas.Assignments.GetValueOrDefault(userId);

    public QuotaPolicy Policy() => new([.. venue.Quotas.Tiers], venue.Quotas.DefaultTier, new Dictionary<Guid, string>(venue.Quotas.Assignments));

    private QuotaTier? TierOf(Guid? userId) =>
        TierNamed(userId is { } id && venue.Quotas.Assignments.TryGetValue(id, out var assigned) ? assigned : venue.Quotas.DefaultTier);

    private QuotaTier? TierNamed(string? name) =>
        name is null ? null : venue.Quotas.Tiers.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
