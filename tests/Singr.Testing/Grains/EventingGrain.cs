using System.Text.Json;
using Singr.Silo.Grains;

namespace Singr.Testing.Grains;

/// <summary>Raises numbered events on its own stream, in the transaction of its state write, as venue grains do.</summary>
public sealed class EventingGrain : Grain<EventingState>, IEventingGrain
{
    public static string StreamOf(string key) => $"test-events:{key}";

    public async Task<long> Raise(string eventType)
    {
        State.LastSequence++;
        var payload = JsonSerializer.Serialize(new { raisedOn = RuntimeIdentity });
        await WriteStateAsync(transaction =>
        {
            transaction.AppendEvent(StreamOf(GetPrimaryKeyString()), State.LastSequence, eventType, payload);
            return Task.CompletedTask;
        });
        return State.LastSequence;
    }
}
