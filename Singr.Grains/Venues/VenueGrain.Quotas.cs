using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Grains.Venues;

/// <summary>Request allowances (the rules are <see cref="QuotaBook"/>'s): tiers, assignments, a patron's allowance.</summary>
public sealed partial class VenueGrain : IVenueQuotaGrain
{
    private QuotaBook Quotas => new(State);

    public Task<QuotaPolicy?> GetQuotaPolicy() => Task.FromResult(Live ? Quotas.Policy() : null);

    public async Task<Outcome<QuotaPolicy>> SetQuotaTiers(SetQuotaTiers command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<QuotaPolicy>(DomainErrors.VenueNotFound);
        }

        var before = Quotas.Policy();
        Quotas.SetTiers(command.Tiers, command.DefaultTier);

        // Everyone's allowance may have changed: each patron's hub connection asks for its own.
        Raise(VenueEvents.QuotaUpdate, new { policyChanged = true });
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, "venue.quota.update", "venue", VenueId.ToString("D"), before, Quotas.Policy());
        });
        return Outcome.Ok(Quotas.Policy());
    }

    public async Task<Outcome<QuotaPolicy>> AssignQuotaTier(AssignQuotaTier command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<QuotaPolicy>(DomainErrors.VenueNotFound);
        }

        var before = Quotas.AssignedTier(command.UserId);
        if (!Quotas.Assign(command.UserId, command.Tier))
        {
            return Outcome.Refused<QuotaPolicy>(DomainErrors.QuotaTierNotFound);
        }

        var patronKey = Patron.KeyOfAccount(command.UserId);
        Turn.Raise(VenueEvents.QuotaUpdate, new { }, patronKey, new { quota = Quotas.QuotaOf(patronKey, command.UserId, timeProvider.GetUtcNow()) });
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, "venue.quota.assign", "user", command.UserId.ToString("D"),
                new { tier = before }, new { tier = Quotas.AssignedTier(command.UserId) });
        });
        return Outcome.Ok(Quotas.Policy());
    }

    public Task<RequestQuota?> GetQuota(string patronKey, Guid? userId) =>
        Task.FromResult(Live ? Quotas.QuotaOf(patronKey, userId, timeProvider.GetUtcNow()) : null);
}
