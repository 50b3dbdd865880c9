using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Quotas;

/// <summary>
/// A venue's request allowances (the same activation as the venue's queue): tiers, who is in which, and what each
/// patron has used. Requests count when accepted; a rejected request gives its count back, once.
/// </summary>
[Alias("singr.quotas.IVenueQuotaGrain")]
public interface IVenueQuotaGrain : IGrainWithGuidKey
{
    [Idempotent]
    [Alias("GetQuotaPolicy")]
    Task<QuotaPolicy?> GetQuotaPolicy();

    [Alias("SetQuotaTiers")]
    Task<Outcome<QuotaPolicy>> SetQuotaTiers(SetQuotaTiers command);

    [Alias("AssignQuotaTier")]
    Task<Outcome<QuotaPolicy>> AssignQuotaTier(AssignQuotaTier command);

    /// <summary>The patron's allowance now; null when the venue does not exist.</summary>
    [Idempotent]
    [Alias("GetQuota")]
    Task<RequestQuota?> GetQuota(string patronKey, Guid? userId);
}
