using Microsoft.Extensions.Logging;
using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Catalog;
using Singr.Grains.Persistence;

namespace Singr.Grains.Catalog;

/// <summary>
/// One YouTube quota day (keyed by its <see cref="YouTubeQuotaDay.Key"/>): every front end's reservations take turns
/// here, so the cluster spends the day's units once. The day's warning commits with the reservation that raised it.
/// </summary>
[GrainType("youtube-quota")]
public sealed class YouTubeQuotaGrain(
    [VersionedState("youtube-quota-day")] IVersionedState<YouTubeQuotaState> state,
    TimeProvider timeProvider,
    ILogger<YouTubeQuotaGrain> logger) : Grain, IYouTubeQuotaGrain
{
    /// <summary>Who the warning's audit row is by: the platform itself, not a person.</summary>
    private static readonly AuditStamp Platform = new(Guid.Empty, "system", null, null, "system", null, null);

    private YouTubeQuotaBook Book => new(state.State);

    public async Task<YouTubeQuotaReservation> Reserve(int units, int dailyUnits)
    {
        var (reservation, warnNow) = Book.Reserve(units, dailyUnits, timeProvider.GetUtcNow());
        if (!reservation.Granted)
        {
            return reservation;
        }

        var day = this.GetPrimaryKeyString();
        await state.WriteAsync(rows =>
        {
            if (warnNow)
            {
                rows.Add(new AuditRow(Platform, new AuditEntry(
                    "youtube.quota_warning", "youtube_quota_day", day, null, null,
                    null, new { unitsUsed = reservation.UnitsUsed, dailyUnits })));
            }
        });
        YouTubeQuotaMetrics.UnitsReserved.Add(units);
        if (warnNow)
        {
            YouTubeQuotaMetrics.Warnings.Add(1);
            YouTubeQuotaLog.QuotaWarning(logger, day, reservation.UnitsUsed, dailyUnits);
        }

        return reservation;
    }

    public async Task MarkSpent(int dailyUnits)
    {
        if (state.State.SpentByProvider)
        {
            return;
        }

        Book.MarkSpent();
        await state.WriteAsync();
        YouTubeQuotaLog.QuotaSpentByProvider(logger, this.GetPrimaryKeyString(), state.State.UnitsUsed);
    }

    public Task<YouTubeQuotaReservation> GetUsage(int dailyUnits) => Task.FromResult(Book.Usage(dailyUnits));
}
