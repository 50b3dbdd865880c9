namespace Singr.Domain.Tests;

/// <summary>
/// The queue rules as a plain list, written from <c>QueueOrder</c>'s documentation rather than its code: the oracle the
/// property test compares it with.
/// </summary>
internal sealed class QueueOrderModel(int maxPriorityInARow)
{
    private readonly List<(Guid Id, bool Priority)> _items = [];

    public IReadOnlyList<(Guid Id, bool Priority)> Items => _items;

    /// <summary>
    /// A free request goes last. A priority request goes after every priority request already queued and ahead of the
    /// free ones after them; if that would make a run of more than the cap, it waits behind the next free request (then
    /// the one after, and so on). With no free request left to wait behind, it goes last.
    /// </summary>
    public int Insert(Guid id, bool priority)
    {
        if (!priority)
        {
            _items.Add((id, false));
            return _items.Count;
        }

        var afterLastPriority = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].Priority)
            {
                afterLastPriority = i + 1;
            }
        }

        // The places it may take, in order of preference: right after the priority requests, else behind each free one.
        var candidates = new List<int> { afterLastPriority };
        for (var i = afterLastPriority; i < _items.Count; i++)
        {
            if (!_items[i].Priority)
            {
                candidates.Add(i + 1);
            }
        }

        var at = candidates.FirstOrDefault(place => RunIfPlacedAt(place) <= maxPriorityInARow, _items.Count);
        _items.Insert(at, (id, true));
        return at + 1;
    }

    public bool Move(Guid id, int position)
    {
        var index = _items.FindIndex(i => i.Id == id);
        if (index < 0 || position < 1 || position > _items.Count)
        {
            return false;
        }

        var item = _items[index];
        _items.RemoveAt(index);
        _items.Insert(position - 1, item);
        return true;
    }

    /// <summary>Takes <paramref name="ids"/> (a permutation of the queued ids) as the new order.</summary>
    public void Reorder(IReadOnlyList<Guid> ids)
    {
        var byId = _items.ToDictionary(i => i.Id);
        _items.Clear();
        _items.AddRange(ids.Select(id => byId[id]));
    }

    public bool Remove(Guid id) => _items.RemoveAll(i => i.Id == id) > 0;

    /// <summary>The length of the run of priority items a new priority item would be part of at <paramref name="place"/>.</summary>
    private int RunIfPlacedAt(int place)
    {
        var trial = _items.Select(i => i.Priority).ToList();
        trial.Insert(place, true);
        var start = place;
        while (start > 0 && trial[start - 1])
        {
            start--;
        }

        var end = place;
        while (end + 1 < trial.Count && trial[end + 1])
        {
            end++;
        }

        return end - start + 1;
    }
}
