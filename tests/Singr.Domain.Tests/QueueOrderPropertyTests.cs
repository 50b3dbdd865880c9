using FsCheck;
using FsCheck.Fluent;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Domain.Tests;

/// <summary>
/// Random sequences of what happens to a venue's queue (requests, host reorders and moves, skips, the player taking
/// the next song) applied to <see cref="QueueOrder"/> and to <see cref="QueueOrderModel"/>: after every step the
/// positions run 1..n and the order is the model's; refused operations change nothing.
/// </summary>
public sealed class QueueOrderPropertyTests
{
    private const int MaxSteps = 40;

    [Fact]
    public void The_queue_order_follows_the_documented_rules_and_stays_numbered_one_to_n_through_random_operations()
    {
        var scenarios = Arb.From(Scenarios(), Shrink);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(scenarios, Run));
    }

    private static Gen<QueueOrderScenario> Scenarios() =>
        from max in Gen.Choose(1, 4)
        from count in Gen.Choose(0, MaxSteps)
        from steps in Gen.ArrayOf(Steps(), count)
        select new QueueOrderScenario(max, steps);

    private static Gen<QueueOrderStep> Steps() =>
        from kind in Gen.Frequency(
            (6, Gen.Constant(QueueOrderStepKind.Request)),
            (1, Gen.Constant(QueueOrderStepKind.Reorder)),
            (1, Gen.Constant(QueueOrderStepKind.WrongReorder)),
            (2, Gen.Constant(QueueOrderStepKind.Move)),
            (1, Gen.Constant(QueueOrderStepKind.Remove)),
            (2, Gen.Constant(QueueOrderStepKind.Advance)))
        from priority in Gen.Elements(false, true)
        from pick in Gen.Choose(0, 999)
        from place in Gen.Choose(0, 999)
        from keys in Gen.ArrayOf(Gen.Choose(0, 999), MaxSteps)
        from wrong in Gen.Choose(0, 5)
        select new QueueOrderStep(kind, priority, pick, place, keys, wrong);

    /// <summary>Shorter scenarios first: without one step, and with a lower cap.</summary>
    private static IEnumerable<QueueOrderScenario> Shrink(QueueOrderScenario scenario)
    {
        if (scenario.Steps.Count > 1)
        {
            yield return scenario with { Steps = [.. scenario.Steps.Take(scenario.Steps.Count / 2)] };
        }

        for (var i = scenario.Steps.Count - 1; i >= 0; i--)
        {
            yield return scenario with { Steps = [.. scenario.Steps.Where((_, j) => j != i)] };
        }

        if (scenario.MaxPriorityInARow > 1)
        {
            yield return scenario with { MaxPriorityInARow = scenario.MaxPriorityInARow - 1 };
        }
    }

    private static void Run(QueueOrderScenario scenario)
    {
        var order = new QueueOrder([]);
        var model = new QueueOrderModel(scenario.MaxPriorityInARow);
        var labels = new Dictionary<Guid, string>();
        var gone = new List<Guid>();
        var trace = new List<string> { $"max {scenario.MaxPriorityInARow} priority in a row" };

        void Expect(bool condition, string what) =>
            Assert.True(condition, $"{what}{Environment.NewLine}{string.Join(Environment.NewLine, trace)}");

        string Show(IEnumerable<Guid> ids) => $"[{string.Join(' ', ids.Select(id => labels.GetValueOrDefault(id, "?")))}]";

        foreach (var step in scenario.Steps)
        {
            var before = order.Entries.Select(e => e.Id).ToList();
            var ids = model.Items.Select(i => i.Id).ToList();
            switch (step.Kind)
            {
                case QueueOrderStepKind.Request:
                {
                    var entry = new QueueEntry { Id = Guid.NewGuid(), Priority = step.Priority };
                    labels[entry.Id] = $"#{labels.Count + 1}{(step.Priority ? "P" : "f")}";
                    var position = order.Insert(entry, scenario.MaxPriorityInARow);
                    var expected = model.Insert(entry.Id, step.Priority);
                    trace.Add($"request {labels[entry.Id]} → position {position} (model {expected})");
                    Expect(position == expected, "the request's position differs from the model's");
                    break;
                }

                case QueueOrderStepKind.Reorder:
                {
                    var permuted = ids.Select((id, i) => (id, i)).OrderBy(x => step.Keys[x.i]).ThenBy(x => x.i).Select(x => x.id).ToList();
                    var moves = Rotate(permuted.Select((id, i) => new QueueMove(id, i + 1)).ToList(), step.Pick);
                    var accepted = order.Reorder(moves);
                    trace.Add($"reorder to {Show(permuted)} → {(accepted ? "accepted" : "refused")}");
                    Expect(accepted, "a reorder naming every queued item once at positions 1..n was refused");
                    model.Reorder(permuted);
                    break;
                }

                case QueueOrderStepKind.WrongReorder:
                {
                    var moves = WrongOrder(ids, step.Wrong, gone);
                    var accepted = order.Reorder(moves);
                    trace.Add($"wrong reorder {string.Join(' ', moves.Select(m => $"{labels.GetValueOrDefault(m.Id, "?")}@{m.Position}"))} → {(accepted ? "accepted" : "refused")}");
                    Expect(!accepted, "a reorder that is not a permutation of the queue was accepted");
                    Expect(order.Entries.Select(e => e.Id).SequenceEqual(before), "a refused reorder changed the queue");
                    break;
                }

                case QueueOrderStepKind.Move:
                {
                    var id = Pick(ids, step.Pick, gone);
                    var position = (step.Place % (ids.Count + 4)) - 1;
                    var moved = order.Move(id, position);
                    var expected = model.Move(id, position);
                    trace.Add($"move {labels.GetValueOrDefault(id, "?")} to {position} → {(moved ? "moved" : "refused")}");
                    Expect(moved == expected, expected ? "a move within range was refused" : "a move of an unknown item or out of range was accepted");
                    if (!moved)
                    {
                        Expect(order.Entries.Select(e => e.Id).SequenceEqual(before), "a refused move changed the queue");
                    }

                    break;
                }

                case QueueOrderStepKind.Remove:
                {
                    var id = Pick(ids, step.Pick, gone);
                    var removed = order.Remove(id);
                    var expected = model.Remove(id);
                    trace.Add($"remove {labels.GetValueOrDefault(id, "?")} → {(removed is null ? "not queued" : "removed")}");
                    Expect((removed is not null) == expected && (removed is null || removed.Id == id), "remove returned the wrong item");
                    gone.Add(id);
                    break;
                }

                default:
                {
                    if (ids.Count == 0)
                    {
                        trace.Add("advance (nothing queued)");
                        break;
                    }

                    var started = order.Remove(ids[0]);
                    model.Remove(ids[0]);
                    trace.Add($"advance: {labels[ids[0]]} starts playing");
                    Expect(started?.Id == ids[0], "the first item could not be taken off the queue");
                    gone.Add(ids[0]);
                    break;
                }
            }

            var actual = order.Entries.Select(e => (e.Id, e.Priority)).ToList();
            trace.Add($"  queue {Show(actual.Select(e => e.Id))}, model {Show(model.Items.Select(i => i.Id))}");
            Expect(actual.SequenceEqual(model.Items), "the queue's order differs from the model's");
            Expect(order.Count == actual.Count, "Count differs from the entries");
            Expect(actual.Select((e, i) => order.PositionOf(e.Id) == i + 1).All(ok => ok), "positions are not 1..n in queue order");
            Expect(gone.TrueForAll(id => order.PositionOf(id) == 0), "an item no longer queued still has a position");
        }
    }

    /// <summary>A queued id, or (one time in n + 1) one that is not queued: gone from the queue, or never seen.</summary>
    private static Guid Pick(List<Guid> ids, int pick, List<Guid> gone)
    {
        var index = pick % (ids.Count + 1);
        return index < ids.Count ? ids[index] : Unknown(gone, pick);
    }

    private static Guid Unknown(List<Guid> gone, int pick) => gone.Count > 0 && pick % 2 == 0 ? gone[pick % gone.Count] : Guid.NewGuid();

    /// <summary>The same moves sent in another order: the positions, not the list order, say where items go.</summary>
    private static List<QueueMove> Rotate(List<QueueMove> moves, int by) =>
        moves.Count == 0 ? moves : [.. moves.Skip(by % moves.Count), .. moves.Take(by % moves.Count)];

    /// <summary>A whole-queue order that must be refused: an item missing, twice, unknown or extra, or positions not 1..n.</summary>
    private static List<QueueMove> WrongOrder(List<Guid> ids, int wrong, List<Guid> gone)
    {
        var moves = ids.Select((id, i) => new QueueMove(id, i + 1)).ToList();
        var n = moves.Count;
        switch (wrong)
        {
            case 0 when n >= 1:
                moves.RemoveAt(n - 1);
                break;
            case 1 when n >= 2:
                moves[n - 1] = moves[n - 1] with { Id = moves[0].Id };
                break;
            case 2 when n >= 1:
                moves[n - 1] = moves[n - 1] with { Id = Unknown(gone, n) };
                break;
            case 4 when n >= 1:
                moves = [.. moves.Select(m => m with { Position = m.Position + 1 })];
                break;
            case 5 when n >= 2:
                moves[n - 1] = moves[n - 1] with { Position = 1 };
                break;
            case 5 when n == 1:
                moves[0] = moves[0] with { Position = 0 };
                break;
            default:
                moves.Add(new QueueMove(Unknown(gone, n), n + 1));
                break;
        }

        return moves;
    }
}
