namespace Singr.Silo.Runtime;

/// <param name="RanOn">The silo whose activation ran the call.</param>
internal sealed record GrainCallOutcome(object? Result, Guid RanOn);
