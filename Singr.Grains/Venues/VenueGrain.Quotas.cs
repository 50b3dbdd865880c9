using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// Request allowances: a patron's tier (assigned, else the venue's default) allows so many requests per night or
/// month in the venue's timezone. A request counts when it is accepted; a rejected one gives its count back, once,
/// because only the turn that moves it out of <c>pending</c> does.
/// </summary>
public sealed partial class VenueGrain : IVenueQuotaGrain
{
    public Task<QuotaPolicy?> GetQuotaPolicy() => Task.FromResult(Live ? Policy() : null);

    public async Task<Outcome<QuotaPolicy>> SetQuotaTiers(SetQuotaTiers command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<QuotaPolicy>(DomainErrors.VenueNotFound);
        }

        var names = command.Tiers.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Count != command.Tiers.Count || command.Tiers.Count > Interfaces.Quotas.SetQuotaTiers.MaxTiers
            || (command.DefaultTier is { } chosen && !names.Contains(chosen)))
        {
            throw new ArgumentException("Unique tier names, and a default among them; the API validates them first.", nameof(command));
        }

        var before = Policy();
        State.Quotas.Tiers = [.. command.Tiers];
        State.Quotas.DefaultTier = command.DefaultTier is null ? null : TierNamed(command.DefaultTier)!.Name;
        foreach (var (userId, tier) in State.Quotas.Assignments.ToList())
        {
            // A patron whose tier is gone falls back to the default; one whose tier was renamed only in case keeps it.
            if (TierNamed(tier) is { } kept)
            {
                State.Quotas.Assignments[userId] = kept.Name;
            }
            else
            {
                State.Quotas.Assignments.Remove(userId);
            }
        }

        // Everyone's allowance may have changed: each patron's hub connection asks for its own.
        Raise(VenueEvents.QuotaUpdate, new { policyChanged = true });
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, "venue.quota.update", "venue", VenueId.ToString("D"), before, Policy());
        });
        return Outcome.Ok(Policy());
    }

    public async Task<Outcome<QuotaPolicy>> AssignQuotaTier(AssignQuotaTier command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<QuotaPolicy>(DomainErrors.VenueNotFound);
        }

        State.Quotas.Assignments.TryGetValue(command.UserId, out var before);
        if (command.Tier is null)
        {
            State.Quotas.Assignments.Remove(command.UserId);
        }
        else if (TierNamed(command.Tier) is { } tier)
        {
            State.Quotas.Assignments[command.UserId] = tier.Name;
        }
        else
        {
            return Outcome.Refused<QuotaPolicy>(DomainErrors.QuotaTierNotFound);
        }

        var patronKey = Patron.KeyOfAccount(command.UserId);
        Raise(VenueEvents.QuotaUpdate, new { patronKey, quota = QuotaOf(patronKey, command.UserId, timeProvider.GetUtcNow()) });
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, "venue.quota.assign", "user", command.UserId.ToString("D"),
                new { tier = before }, new { tier = command.Tier is null ? null : State.Quotas.Assignments[command.UserId] });
        });
        return Outcome.Ok(Policy());
    }

    public Task<RequestQuota?> GetQuota(string patronKey, Guid? userId) =>
        Task.FromResult(Live ? QuotaOf(patronKey, userId, timeProvider.GetUtcNow()) : null);

    private RequestQuota QuotaOf(string patronKey, Guid? userId, DateTimeOffset now)
    {
        if (TierOf(userId) is not { } tier)
        {
            return RequestQuota.Unlimited;
        }

        var period = QuotaPeriods.Label(tier.Period, LocalTime(now));
        var used = !State.QuotaUsage.TryGetValue(patronKey, out var usage) ? 0
            : tier.Period == QuotaPeriods.Month ? (usage.Month == period ? usage.MonthUsed : 0)
            : usage.Night == period ? usage.NightUsed : 0;
        return new RequestQuota(tier.RequestsAllowed, used, Math.Max(0, tier.RequestsAllowed - used), period, tier.Name);
    }

    /// <summary>Counts an accepted request in its night and its month, and forgets patrons with neither current.</summary>
    private void CountInQuota(QueueEntry entry, DateTimeOffset now)
    {
        if (!entry.CountsInQuota)
        {
            return;
        }

        var local = LocalTime(now);
        var (night, month) = (QuotaPeriods.Label(QuotaPeriods.Night, local), QuotaPeriods.Label(QuotaPeriods.Month, local));
        foreach (var stale in State.QuotaUsage.Where(u => u.Value.Night != night && u.Value.Month != month).Select(u => u.Key).ToList())
        {
            State.QuotaUsage.Remove(stale);
        }

        var usage = State.QuotaUsage.TryGetValue(entry.PatronKey, out var known) ? known : State.QuotaUsage[entry.PatronKey] = new QuotaUsage();
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
    private void GiveQuotaBack(QueueEntry entry)
    {
        if (!entry.CountsInQuota || !State.QuotaUsage.TryGetValue(entry.PatronKey, out var usage))
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

    private QuotaTier? TierOf(Guid? userId) =>
        TierNamed(userId is { } id && State.Quotas.Assignments.TryGetValue(id, out var assigned) ? assigned : State.Quotas.DefaultTier);

    private QuotaTier? TierNamed(string? name) =>
        name is null ? null : State.Quotas.Tiers.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private QuotaPolicy Policy() => new([.. State.Quotas.Tiers], State.Quotas.DefaultTier, new Dictionary<Guid, string>(State.Quotas.Assignments));

    /// <summary>The venue's wall-clock time (UTC when its timezone is unknown here).</summary>
    private DateTimeOffset LocalTime(DateTimeOffset now) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(State.Timezone, out var zone) ? TimeZoneInfo.ConvertTime(now, zone) : now;
}
