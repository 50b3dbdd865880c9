using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Singr.Silo.Streams;
using Singr.Testing;

namespace Singr.Silo.Tests;

public sealed class StreamRetentionTests : DatabaseTest
{
    [Fact]
    public async Task Events_past_the_window_or_beyond_the_count_are_pruned_and_the_latest_are_kept()
    {
        for (var seq = 1; seq <= 15; seq++)
        {
            await Database.ExecuteAsync("INSERT INTO stream_events (stream_id, seq, event_type, payload) VALUES ('venue:busy', $1, 'e', '{}')", (long)seq);
        }

        await Database.ExecuteAsync("INSERT INTO stream_events (stream_id, seq, event_type, payload, created_at) VALUES ('venue:quiet', 1, 'e', '{}', now() - interval '3 hours')");
        await Database.ExecuteAsync("INSERT INTO stream_events (stream_id, seq, event_type, payload) VALUES ('venue:quiet', 2, 'e', '{}')");
        var retention = new StreamRetentionService(
            Database.DataSource,
            Options.Create(new StreamOptions { RetentionWindow = TimeSpan.FromHours(2), RetentionMaxEvents = 10 }),
            NullLogger<StreamRetentionService>.Instance);

        await retention.PruneAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(6, 10).Select(s => (long)s), await Database.ColumnAsync<long>("SELECT seq FROM stream_events WHERE stream_id = 'venue:busy' ORDER BY seq"));
        Assert.Equal([2L], await Database.ColumnAsync<long>("SELECT seq FROM stream_events WHERE stream_id = 'venue:quiet'"));
    }
}
