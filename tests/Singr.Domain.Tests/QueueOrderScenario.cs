namespace Singr.Domain.Tests;

/// <summary>A venue's fairness cap and the steps applied to its queue, as FsCheck generates (and shrinks) them.</summary>
internal sealed record QueueOrderScenario(int MaxPriorityInARow, IReadOnlyList<QueueOrderStep> Steps)
{
    public override string ToString() => $"max {MaxPriorityInARow} in a row; {Steps.Count} steps: {string.Join(", ", Steps)}";
}
