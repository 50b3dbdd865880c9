using System.Diagnostics.Metrics;

namespace Singr.Silo.Messaging;

/// <summary>Outbox outcomes for <c>/metrics</c>: <c>singr_messages_total{channel, kind, outcome}</c>.</summary>
internal static class MessagingMetrics
{
    public const string MeterName = "Singr.Messaging";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("singr.messages", description: "Outbox messages by outcome: sent, retried, failed, skipped.");

    public static void Count(string channel, string kind, string outcome) =>
        Messages.Add(1, new("channel", channel), new("kind", kind), new("outcome", outcome));
}
