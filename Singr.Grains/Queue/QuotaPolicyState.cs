using Singr.Grains.Interfaces.Quotas;

namespace Singr.Grains.Queue;

public sealed class QuotaPolicyState
{
    public List<QuotaTier> Tiers { get; set; } = [];

    public string? DefaultTier { get; set; }

    /// <summary>Tier name by patron account id.</summary>
    public Dictionary<Guid, string> Assignments { get; set; } = [];
}
