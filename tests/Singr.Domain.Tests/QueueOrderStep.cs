namespace Singr.Domain.Tests;

/// <summary>
/// One generated step. The numbers are resolved against the queue as it is when the step runs: <see cref="Pick"/>
/// chooses an item (or an unknown id), <see cref="Place"/> a position (in range or not), <see cref="Keys"/> the sort
/// keys of a permutation and <see cref="Wrong"/> how a wrong order is wrong.
/// </summary>
internal sealed record QueueOrderStep(QueueOrderStepKind Kind, bool Priority, int Pick, int Place, IReadOnlyList<int> Keys, int Wrong)
{
    public override string ToString() => Kind switch
    {
        QueueOrderStepKind.Request => Priority ? "request(priority)" : "request(free)",
        QueueOrderStepKind.Reorder => $"reorder(keys {string.Join(' ', Keys.Take(8))}…, rotate {Pick})",
        QueueOrderStepKind.WrongReorder => $"wrong-reorder(kind {Wrong})",
        QueueOrderStepKind.Move => $"move(pick {Pick}, place {Place})",
        QueueOrderStepKind.Remove => $"remove(pick {Pick})",
        _ => "advance",
    };
}
