using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Singr.Silo.Messaging;

/// <summary>
/// Sends the outbox in every silo: a round whenever messages are due, a pause of <see cref="MessagingOptions.PollInterval"/>
/// when none are, and pruning every <see cref="MessagingOptions.PruneInterval"/>. On shutdown it claims nothing more and
/// finishes the round it holds, so SIGTERM never strands a message mid-send.
/// </summary>
internal sealed partial class OutboxWorker(
    OutboxDispatcher dispatcher,
    OutboxStore store,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                if (clock.GetUtcNow() >= nextPrune)
                {
                    var value = options.Value;
                    await store.PruneAsync(clock.GetUtcNow(), value.CompletedRetention, value.CompletedKept, value.FailedRetention, stoppingToken);
                    nextPrune = clock.GetUtcNow() + value.PruneInterval;
                }

                claimed = await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is away (a migration still running, a restart): the next round tries again.
                LogRoundFailed(ex);
            }

            if (claimed == 0)
            {
                var rateWait = dispatcher.UntilRateAllows();
                await PauseAsync(rateWait > options.Value.PollInterval ? rateWait : options.Value.PollInterval, stoppingToken);
            }
        }
    }

    private async Task PauseAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the loop ends.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox round failed; the next one retries")]
    private partial void LogRoundFailed(Exception exception);
}
