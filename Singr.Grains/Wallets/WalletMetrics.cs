using System.Diagnostics.Metrics;

namespace Singr.Grains.Wallets;

/// <summary>Counted where a spend commits: in the wallet, on whichever silo hosts it (ON_PLAY spends when the song starts).</summary>
internal static class WalletMetrics
{
    private static readonly Meter Meter = new("Singr");

    public static readonly Counter<long> CreditsSpent =
        Meter.CreateCounter<long>("singr.credits.spent", "{credit}", "Credits spent from patrons' wallets, counted when the spend commits.");

    public static readonly Counter<long> CreditsPurchased =
        Meter.CreateCounter<long>("singr.credits.purchased", "{credit}", "Credits patrons bought, counted once per paid checkout when it commits.");
}
