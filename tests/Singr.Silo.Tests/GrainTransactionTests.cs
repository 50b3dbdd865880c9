using Npgsql;
using Singr.Testing.Grains;
using Singr.Testing;

namespace Singr.Silo.Tests;

public sealed class GrainTransactionTests : DatabaseTest
{
    protected override async Task SetUpAsync()
    {
        await Database.ExecuteAsync(SideRowGrain.SideRowsTableSql);
    }

    [Fact]
    public async Task State_and_side_rows_commit_together()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        var grain = silo.GrainFactory.GetGrain<ISideRowGrain>("together");

        await grain.SetValue(7);

        Assert.Equal(7, await grain.GetValue());
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM side_rows WHERE grain_key = 'together' AND value = 7"));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = 'together'"));
    }

    [Fact]
    public async Task A_failing_side_row_leaves_neither_the_state_nor_the_row_and_the_grain_forgets_the_change()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        var grain = silo.GrainFactory.GetGrain<ISideRowGrain>("atomic");
        await grain.SetValue(5);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => grain.SetValue(-1));

        Assert.Equal(PostgresErrorCodes.CheckViolation, failure.SqlState);
        Assert.Equal(5, await grain.GetValue());
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = 'atomic'"));
        Assert.Equal(5, await Database.ScalarAsync<int>("SELECT (state->>'value')::int FROM grain_state WHERE grain_key = 'atomic'"));
        Assert.Equal([5], await Database.ColumnAsync<int>("SELECT value FROM side_rows WHERE grain_key = 'atomic'"));
    }

    [Fact]
    public async Task A_failing_first_write_stores_nothing()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        var grain = silo.GrainFactory.GetGrain<ISideRowGrain>("never-stored");

        await Assert.ThrowsAsync<PostgresException>(() => grain.SetValue(-3));

        Assert.Equal(0, await grain.GetValue());
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM grain_state WHERE grain_key = 'never-stored'"));
    }
}
