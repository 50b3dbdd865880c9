using Singr.Grains.Interfaces.Queue;

namespace Singr.Grains.Queue;

/// <summary>
/// The order of a venue's queued requests. Positions are list indexes plus one, so they are contiguous from 1 after
/// every operation by construction (no renumbering step that could be skipped). No I/O: the grain persists
/// the list with its state.
/// </summary>
public sealed class QueueOrder(List<QueueEntry> entries)
{
    public IReadOnlyList<QueueEntry> Entries => entries;

    public int Count => entries.Count;

    public int PositionOf(Guid id) => entries.FindIndex(e => e.Id == id) + 1;

    /// <summary>
    /// Adds a request and returns its position. A free request goes last. A priority request goes after the priority
    /// requests before it (first come, first served) but ahead of free ones, except that it never makes a run of more
    /// than <paramref name="maxPriorityInARow"/> priority items: then it waits behind the next free one (or goes last
    /// when no free one follows). <paramref name="priorityPlayingBefore"/> counts the priority song playing now, which
    /// is part of the run the first queued items join.
    /// </summary>
    public int Insert(QueueEntry entry, int maxPriorityInARow, int priorityPlayingBefore = 0)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Priority)
        {
            entries.Add(entry);
            return entries.Count;
        }

        var index = entries.FindLastIndex(e => e.Priority) + 1;
        while (index < entries.Count && RunThrough(index, priorityPlayingBefore) + 1 > Math.Max(1, maxPriorityInARow))
        {
            index = entries.FindIndex(index, e => !e.Priority) + 1;
            if (index == 0)
            {
                index = entries.Count;
            }
        }

        entries.Insert(index, entry);
        return index + 1;
    }

    /// <summary>Adds a request at <paramref name="index"/> (0 is first) and returns its position.</summary>
    public int InsertAt(QueueEntry entry, int index)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entries.Insert(Math.Clamp(index, 0, entries.Count), entry);
        return PositionOf(entry.Id);
    }

    /// <summary>Moves an item to a 1-based position, shifting the ones in between; false when either is out of range.</summary>
    public bool Move(Guid id, int position)
    {
        var index = entries.FindIndex(e => e.Id == id);
        if (index < 0 || position < 1 || position > entries.Count)
        {
            return false;
        }

        var entry = entries[index];
        entries.RemoveAt(index);
        entries.Insert(position - 1, entry);
        return true;
    }

    /// <summary>Replaces the order with <paramref name="order"/>: every queued item exactly once, positions exactly 1..n.</summary>
    public bool Reorder(IReadOnlyList<QueueMove> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Count != entries.Count
            || order.Select(m => m.Position).Order().Where((position, i) => position != i + 1).Any()
            || !order.Select(m => m.Id).ToHashSet().SetEquals(entries.Select(e => e.Id)))
        {
            return false;
        }

        var byId = entries.ToDictionary(e => e.Id);
        entries.Clear();
        entries.AddRange(order.OrderBy(m => m.Position).Select(m => byId[m.Id]));
        return true;
    }

    public QueueEntry? Remove(Guid id)
    {
        var index = entries.FindIndex(e => e.Id == id);
        if (index < 0)
        {
            return null;
        }

        var entry = entries[index];
        entries.RemoveAt(index);
        return entry;
    }

    /// <summary>Priority items in a row around the gap before <paramref name="index"/> (before and after it).</summary>
    private int RunThrough(int index, int priorityPlayingBefore)
    {
        var run = 0;
        var i = index - 1;
        for (; i >= 0 && entries[i].Priority; i--)
        {
            run++;
        }

        if (i < 0)
        {
            run += priorityPlayingBefore;
        }

        for (var j = index; j < entries.Count && entries[j].Priority; j++)
        {
            run++;
        }

        return run;
    }
}
