namespace Singr.Grains.Queue;

/// <summary>
/// How many requests a patron has made at a venue tonight and this month. Both are counted whatever the patron's
/// tier, so a tier changed mid-period (nightly to monthly, or none to some) still sees what was already asked for.
/// </summary>
public sealed class QuotaUsage
{
    /// <summary>The night counted (<c>2026-11-21</c>).</summary>
    public string Night { get; set; } = string.Empty;

    public int NightUsed { get; set; }

    /// <summary>The month counted (<c>2026-11</c>).</summary>
    public string Month { get; set; } = string.Empty;

    public int MonthUsed { get; set; }
}
