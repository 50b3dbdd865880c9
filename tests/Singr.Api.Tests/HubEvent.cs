using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>A server-to-client invocation (an event) as a hub client received it: its target and its one argument.</summary>
internal sealed record HubEvent(string Target, JsonElement Payload)
{
    /// <summary>The venue's sequence number of the event, when its payload has one.</summary>
    public long? Seq => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number
        ? seq.GetInt64()
        : null;

    public override string ToString() => $"{Target} {Payload}";
}
