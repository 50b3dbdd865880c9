using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>Where a request joins the venue's queue, by its settings: priority first (HYBRID), then FIFO or round robin.</summary>
public static class QueuePlacement
{
    /// <summary>Inserts <paramref name="entry"/> and returns its 1-based position.</summary>
    public static int Place(VenueState venue, QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(entry);
        var order = new QueueOrder(venue.Queue);
        if (venue.Settings.Rotation != RotationModes.RoundRobin || entry.Priority)
        {
            return order.Insert(entry, venue.Settings.MaxPriorityInARow, venue.NowPlaying is { Priority: true } ? 1 : 0);
        }

        // A free song never goes ahead of a paid priority one, whatever its round.
        var afterPriority = venue.Queue.FindLastIndex(e => e.Priority) + 1;
        return order.InsertAt(entry, Math.Max(afterPriority, SingerRotation.PlaceFor(venue.Queue, entry, venue.NowPlaying)));
    }
}
