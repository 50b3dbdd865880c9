using Microsoft.Extensions.Logging;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Hosting;
using Singr.Silo.Runtime;

namespace Singr.Silo.Reminders;

/// <summary>
/// Polls for due reminders and delivers each tick to its grain, wherever in the cluster it lives or gets activated.
/// Any silo may claim a tick; the claim moves the reminder on, so no tick is delivered twice.
/// </summary>
internal sealed class ReminderService(
    SiloRuntime runtime,
    GrainCallRouter router,
    ReminderTable table,
    SiloOptions options,
    ILogger<ReminderService> logger)
{
    private const int BatchSize = 100;
    private static readonly System.Reflection.MethodInfo ReceiveReminder =
        typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminder))!;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ReminderPollInterval, runtime.TimeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var due = await table.ClaimDueAsync(BatchSize, stoppingToken);
                await Task.WhenAll(due.Select(DeliverAsync));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reminder poll failed; retrying on the next tick");
            }
        }
    }

    private async Task DeliverAsync(DueReminder reminder)
    {
        var status = new TickStatus(reminder.DueAt, reminder.Period, runtime.TimeProvider.GetUtcNow());
        try
        {
            await router.CallAsync(new GrainCall(reminder.GrainId, ReceiveReminder, [reminder.Name, status]), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reminder {ReminderName} of {GrainId} failed", reminder.Name, reminder.GrainId);
        }
    }
}
