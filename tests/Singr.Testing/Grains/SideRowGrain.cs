using Singr.Silo.Grains;

namespace Singr.Testing.Grains;

/// <summary>Writes its state with a row in side_rows, whose CHECK refuses negative values. Tests create side_rows.</summary>
public sealed class SideRowGrain : Grain<SideRowState>, ISideRowGrain
{
    public const string SideRowsTableSql =
        "CREATE TABLE side_rows (grain_key text NOT NULL, value integer NOT NULL CHECK (value >= 0))";

    public async Task SetValue(int value)
    {
        State.Value = value;
        await WriteStateAsync(transaction =>
        {
            transaction.Add("INSERT INTO side_rows (grain_key, value) VALUES ($1, $2)", GetPrimaryKeyString(), value);
            return Task.CompletedTask;
        });
    }

    public Task<int> GetValue() => Task.FromResult(State.Value);
}
