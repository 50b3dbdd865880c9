using Microsoft.Extensions.Logging.Abstractions;
using Singr.Silo.Migrations;
using Singr.Testing;

namespace Singr.Silo.Tests;

public sealed class MigrationTests() : DatabaseTest(migrate: false)
{
    private const string SchemaSql =
        "SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name) " +
        "FROM information_schema.columns WHERE table_schema = 'public'";

    private const string TablesSql =
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name";

    /// <summary>The home-made runtime's membership, directory and reminders (0001), which 0008 drops.</summary>
    private static readonly string[] OldRuntimeTables = ["grain_directory", "grain_reminders", "silo_membership"];

    private static readonly string[] OrleansAndStateTables =
        ["grain_state", "orleans_membership", "orleans_membership_version", "orleans_reminders", "orleansquery"];

    private MigrationRunner _runner = null!;

    protected override async Task SetUpAsync()
    {
        _runner = new MigrationRunner(Database.DataSource, NullLogger<MigrationRunner>.Instance);
    }

    [Fact]
    public async Task Applying_the_migrations_twice_changes_nothing_the_second_time()
    {
        var migrations = EmbeddedMigrations.Load();

        var firstRun = await _runner.ApplyAsync(migrations, CancellationToken.None);
        var schemaAfterFirst = await Database.ScalarAsync<string>(SchemaSql);
        var secondRun = await _runner.ApplyAsync(migrations, CancellationToken.None);

        Assert.Equal(migrations.Count, firstRun);
        Assert.Equal(0, secondRun);
        Assert.Equal(schemaAfterFirst, await Database.ScalarAsync<string>(SchemaSql));
        Assert.Equal(
            migrations.Select(m => m.Version),
            await Database.ColumnAsync<int>("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Upgrading_to_request_management_counts_requests_that_already_ended_as_processed_and_waiting_ones_not()
    {
        var migrations = EmbeddedMigrations.Load();
        await _runner.ApplyAsync([.. migrations.Where(m => m.Version < 7)], CancellationToken.None);
        await Database.ExecuteAsync(
            """
            INSERT INTO song_requests (id, venue_id, request_id, patron_key, requested_by_name, kind, title, credits_cost, priority, status, created_at, ended_at)
            VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'guest:a', 'Guest', 'karaoke', 'Played Before', 0, false, 'played', now() - interval '1 hour', now() - interval '50 minutes'),
                   (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'guest:b', 'Guest', 'karaoke', 'Still Queued', 0, false, 'queued', now(), NULL)
            """);

        await _runner.ApplyAsync(migrations, CancellationToken.None);

        Assert.Equal(
            ["Played Before|true|true", "Still Queued|false|false"],
            await Database.ColumnAsync<string>(
                "SELECT title || '|' || processed::text || '|' || (processed_at IS NOT NULL)::text FROM song_requests ORDER BY title"));
    }

    [Fact]
    public async Task Migration_0008_swaps_the_old_runtime_tables_for_the_orleans_membership_and_reminder_tables_and_their_seventeen_queries()
    {
        await _runner.ApplyAsync([.. EmbeddedMigrations.Load().Where(m => m.Version < 8)], CancellationToken.None);
        Assert.Equal(
            OldRuntimeTables,
            await TablesAmong(OldRuntimeTables));

        await _runner.ApplyAsync(EmbeddedMigrations.Load(), CancellationToken.None);

        Assert.Empty(await TablesAmong(OldRuntimeTables));
        Assert.Equal(
            OrleansAndStateTables,
            await TablesAmong(OrleansAndStateTables));
        Assert.Equal(
            [
                "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey",
                "DeleteReminderRowsKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
                "MembershipReadRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey",
                "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "UpsertReminderRowKey",
            ],
            await Database.ColumnAsync<string>("SELECT querykey FROM orleansquery WHERE querytext <> '' ORDER BY querykey COLLATE \"C\""));
        Assert.Equal(17L, await Database.ScalarAsync<long>("SELECT count(*) FROM orleansquery"));
    }

    [Fact]
    public async Task The_embedded_migrations_are_the_numbered_files_of_sql_in_order()
    {
        var files = Directory.GetFiles(Path.Combine(PostgresServer.RepositoryRoot, "sql"), "*.sql").Select(Path.GetFileName).Order();

        var embedded = EmbeddedMigrations.Load();

        Assert.Equal(files, embedded.Select(m => $"{m.Version:D4}_{m.Name}.sql"));
        Assert.Equal(embedded.Select(m => m.Version).Order(), embedded.Select(m => m.Version));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_database_as_it_was()
    {
        Migration[] good = [new Migration(1, "create_songs", "CREATE TABLE songs (id int PRIMARY KEY)")];
        await _runner.ApplyAsync(good, CancellationToken.None);
        var schemaBefore = await Database.ScalarAsync<string>(SchemaSql);
        Migration[] withBroken =
        [
            .. good,
            new Migration(2, "broken", "CREATE TABLE singers (id int PRIMARY KEY); INSERT INTO songs VALUES (1); SELECT 1 / 0;"),
        ];

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => _runner.ApplyAsync(withBroken, CancellationToken.None));

        Assert.Contains("0002_broken", failure.Message, StringComparison.Ordinal);
        Assert.Equal(schemaBefore, await Database.ScalarAsync<string>(SchemaSql));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM songs"));
        Assert.Equal([1], await Database.ColumnAsync<int>("SELECT version FROM schema_migrations"));
    }

    [Fact]
    public async Task A_migration_changed_after_it_was_applied_stops_the_start_up()
    {
        await _runner.ApplyAsync([new Migration(1, "create_songs", "CREATE TABLE songs (id int PRIMARY KEY)")], CancellationToken.None);

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() =>
            _runner.ApplyAsync([new Migration(1, "create_songs", "CREATE TABLE songs (id bigint PRIMARY KEY)")], CancellationToken.None));

        Assert.Contains("changed after it was applied", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_apply_each_migration_once()
    {
        var migrations = EmbeddedMigrations.Load();
        var other = new MigrationRunner(Database.DataSource, NullLogger<MigrationRunner>.Instance);

        var applied = await Task.WhenAll(
            _runner.ApplyAsync(migrations, CancellationToken.None),
            other.ApplyAsync(migrations, CancellationToken.None));

        Assert.Equal(migrations.Count, applied.Sum());
    }

    /// <summary>Which of <paramref name="names"/> are tables now, in name order.</summary>
    private Task<List<string>> TablesAmong(string[] names) => Database.ColumnAsync<string>(TablesSql, (object)names);
}
