using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Singr.Grains.Persistence;
using Singr.Silo.Messaging;
using Singr.Testing.Grains;

namespace Singr.Silo.Tests;

/// <summary>A grain's state, its audit row and its stream event commit in one transaction, or none of them do.</summary>
[Collection(TwoSiloCluster.Name)]
public sealed class GrainTransactionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task State_audit_row_and_event_commit_together()
    {
        var key = $"together-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ISideRowGrain>(key);

        Assert.Equal(5, await grain.Add(5, breakTheEvent: false));
        Assert.Equal(8, await grain.Add(3, breakTheEvent: false));

        Assert.Equal(["8|2"], await StateOf(key));
        Assert.Equal(["{\"total\": 0}>{\"total\": 5}", "{\"total\": 5}>{\"total\": 8}"], await AuditOf(key));
        Assert.Equal(["1:5", "2:8"], await EventsOf(key));
    }

    [Fact]
    public async Task A_failing_side_row_commits_neither_the_state_nor_the_other_rows_and_the_next_call_starts_from_the_last_commit()
    {
        var key = $"atomic-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ISideRowGrain>(key);
        Assert.Equal(5, await grain.Add(5, breakTheEvent: false));

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Add(7, breakTheEvent: true));

        Assert.Equal(["5|1"], await StateOf(key));
        Assert.Equal(["{\"total\": 0}>{\"total\": 5}"], await AuditOf(key));
        Assert.Equal(["1:5"], await EventsOf(key));

        Assert.Equal(8, await grain.Add(3, breakTheEvent: false));
        Assert.Equal(["8|2"], await StateOf(key));
        Assert.Equal(["{\"total\": 0}>{\"total\": 5}", "{\"total\": 5}>{\"total\": 8}"], await AuditOf(key));
        Assert.Equal(["1:5", "2:8"], await EventsOf(key));
    }

    [Fact]
    public async Task A_write_that_rolls_back_queues_no_message_so_the_outbox_worker_sends_only_what_committed()
    {
        var key = $"outbox-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ISideRowGrain>(key);
        await grain.Add(5, breakTheEvent: false);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Add(7, breakTheEvent: true));
        await grain.Add(3, breakTheEvent: false);
        var sent = new List<OutgoingEmail>();
        var options = Options.Create(new MessagingOptions());
        var store = new OutboxStore(fixture.Database.DataSource);
        var worker = new OutboxDispatcher(
            store, new MessageTemplates(options), new RecordingEmailProvider(sent), new RecordingEmailProvider(sent), options, TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance);

        while (await worker.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(["Hi total 5,", "Hi total 8,"], sent.Where(e => e.To == SideRowGrain.EmailFor(key)).Select(e => e.Text.Split('\n')[0]).Order(StringComparer.Ordinal));
    }

    private sealed class RecordingEmailProvider(List<OutgoingEmail> sent) : IEmailProvider, ISmsProvider
    {
        public Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            lock (sent)
            {
                sent.Add(email);
            }

            return Task.FromResult<string?>(null);
        }

        public Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken) => throw new InvalidOperationException("No SMS here.");
    }

    [Fact]
    public async Task A_failing_first_write_stores_no_state_row_and_no_side_row()
    {
        var key = $"never-stored-{Guid.NewGuid():N}";
        await fixture.Database.ExecuteAsync(
            "INSERT INTO stream_events (stream_id, seq, event_type, payload) VALUES ($1, 1, 'planted', '{}')", SideRowGrain.StreamIdFor(key));
        var grain = fixture.Grains.GetGrain<ISideRowGrain>(key);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Add(4, breakTheEvent: false));

        Assert.Empty(await StateOf(key));
        Assert.Empty(await AuditOf(key));
        Assert.Equal(["1:planted"], await fixture.Database.ColumnAsync<string>(
            "SELECT seq || ':' || event_type FROM stream_events WHERE stream_id = $1", SideRowGrain.StreamIdFor(key)));
        Assert.Equal(0, await grain.GetTotal());
    }

    [Fact]
    public async Task A_side_row_that_breaks_a_unique_index_reaches_the_caller_as_a_conflict_naming_the_index()
    {
        var key = $"conflict-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ISideRowGrain>(key);
        Assert.Equal(5, await grain.Add(5, breakTheEvent: false));

        var failure = await Assert.ThrowsAsync<UniqueRowConflictException>(() => grain.Add(7, breakTheEvent: true));

        Assert.Contains("stream_events_pkey", failure.Message, StringComparison.Ordinal);
    }

    private Task<List<string>> StateOf(string key) =>
        fixture.Database.ColumnAsync<string>(
            "SELECT (state->>'total') || '|' || version FROM grain_state WHERE grain_type = 'test-side-rows' AND grain_key = $1", key);

    private Task<List<string>> AuditOf(string key) =>
        fixture.Database.ColumnAsync<string>(
            "SELECT before::text || '>' || after::text FROM audit_log WHERE resource_type = 'test-total' AND resource_id = $1 ORDER BY id", key);

    private Task<List<string>> EventsOf(string key) =>
        fixture.Database.ColumnAsync<string>(
            "SELECT seq || ':' || (payload->>'total') FROM stream_events WHERE stream_id = $1 ORDER BY seq", SideRowGrain.StreamIdFor(key));
}
