using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Runtime;

namespace Singr.Grains.Interfaces.Quotas;

/// <summary>
/// A venue's request allowances (the same activation as the venue's queue): tiers, who is in which, and what each
/// patron has used. Requests count when accepted; a rejected request gives its count back, once.
/// </summary>
public interface IVenueQuotaGrain : IGrainWithGuidKey
{
    Task<QuotaPolicy?> GetQuotaPolicy();

    Task<Outcome<QuotaPolicy>> SetQuotaTiers(SetQuotaTiers command);

    Task<Outcome<QuotaPolicy>> AssignQuotaTier(AssignQuotaTier command);

    /// <summary>The patron's allowance now; null when the venue does not exist.</summary>
    Task<RequestQuota?> GetQuota(string patronKey, Guid? userId);
}
