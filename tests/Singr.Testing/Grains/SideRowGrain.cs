using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Testing.Grains;

/// <summary>Writes its state, an <see cref="AuditRow"/>, a <see cref="StreamEventRow"/> and an outbox email (to <see cref="EmailFor"/>) in one write.</summary>
[GrainType("test-side-rows")]
public sealed class SideRowGrain([VersionedState("test-side-rows")] IVersionedState<SideRowState> state) : Grain, ISideRowGrain
{
    public static readonly Guid ActorId = new("00000000-0000-0000-0000-00000000a0d1");

    public static string StreamIdFor(string key) => $"test-side-rows:{key}";

    public static string EmailFor(string key) => $"{key}@example.test";

    public async Task<long> Add(int amount, bool breakTheEvent)
    {
        var key = this.GetPrimaryKeyString();
        var before = state.State.Total;
        state.State.Total += amount;
        state.State.EventSeq++;
        var seq = breakTheEvent ? 1 : state.State.EventSeq;
        await state.WriteAsync(rows =>
        {
            rows.Add(new AuditRow(
                new AuditStamp(ActorId, "tester@example.test", null, null, "developer", null, null),
                new AuditEntry("test.add", "test-total", key, null, null, new { total = before }, new { total = state.State.Total })));
            rows.Add(new StreamEventRow(StreamIdFor(key), seq, "total", $$"""{"total":{{state.State.Total}}}"""));
            rows.Add(Outbox.EmailTo(EmailFor(key), MessageKinds.Welcome, new Dictionary<string, string> { [MessageValues.Name] = $"total {state.State.Total}" }));
        });
        return state.State.Total;
    }

    public Task<long> GetTotal() => Task.FromResult(state.State.Total);
}
