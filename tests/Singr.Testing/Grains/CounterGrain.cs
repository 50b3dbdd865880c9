using Singr.Silo.Grains;

namespace Singr.Testing.Grains;

/// <summary>
/// Counts increments, writing each one with a history row (version, count, silo) in the same transaction. It fails any call
/// that starts while another call of this activation is still running, so interleaving cannot pass unnoticed.
/// Tests that use it create the counter_history table.
/// </summary>
public sealed class CounterGrain : Grain<CounterState>, ICounterGrain
{
    public const string HistoryTableSql =
        "CREATE TABLE IF NOT EXISTS counter_history (grain_key text NOT NULL, version bigint NOT NULL, count bigint NOT NULL, silo text NOT NULL)";

    private readonly Guid _activationId = Guid.NewGuid();
    private int _callsRunning;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainProbe.Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task<long> Increment() => RunAlone(async () =>
    {
        State.Count++;
        await Task.Yield();
        await WriteStateAsync(transaction =>
        {
            transaction.Add(
                "INSERT INTO counter_history (grain_key, version, count, silo) VALUES ($1, $2, $3, $4)",
                GetPrimaryKeyString(),
                transaction.Version,
                State.Count,
                RuntimeIdentity);
            return Task.CompletedTask;
        });
        return State.Count;
    });

    public Task<long> GetCount() => RunAlone(() => Task.FromResult(State.Count));

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    private async Task<T> RunAlone<T>(Func<Task<T>> body)
    {
        if (Interlocked.Increment(ref _callsRunning) != 1)
        {
            throw new InvalidOperationException("Two calls ran on one activation at the same time.");
        }

        try
        {
            await Task.Yield();
            return await body();
        }
        finally
        {
            Interlocked.Decrement(ref _callsRunning);
        }
    }
}
