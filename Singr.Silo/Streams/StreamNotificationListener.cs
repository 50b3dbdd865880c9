using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Singr.Silo.Streams;

/// <summary>
/// Holds one connection that LISTENs for stream notifications and wakes the matching feeds; between notifications it
/// polls, so a lost NOTIFY (or a dropped connection) delays an event by at most one poll interval.
/// </summary>
internal sealed class StreamNotificationListener(
    NpgsqlDataSource dataSource,
    EventStreamHub hub,
    IOptions<StreamOptions> options,
    ILogger<StreamNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(5);

    /// <summary>Tests drop notifications to show that the sequence, not NOTIFY, is what delivery relies on.</summary>
    internal bool DropNotifications { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Stream notification connection lost; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) =>
        {
            if (!DropNotifications)
            {
                hub.Notified(notification.Payload);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {EventStreamHub.NotificationChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        hub.WakeAll();
        var interval = options.Value.PollInterval;
        var nextPoll = DateTime.UtcNow + interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            // WaitAsync hands its timeout to the socket in whole milliseconds, where 0 means "wait forever": a wait
            // shorter than that would stop polling altogether, so such a remainder counts as due.
            var untilPoll = nextPoll - DateTime.UtcNow;
            if (untilPoll >= MinimumWait)
            {
                // Returns early on each notification; polling still happens on schedule when notifications keep coming.
                await connection.WaitAsync(untilPoll, stoppingToken);
                continue;
            }

            await hub.PollAsync(stoppingToken);
            nextPoll = DateTime.UtcNow + interval;
        }
    }
}
