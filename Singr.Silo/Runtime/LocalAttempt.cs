namespace Singr.Silo.Runtime;

/// <summary>How a try to run a call on this silo went: an outcome, or why not and whether to leave this silo out.</summary>
internal sealed record LocalAttempt(GrainCallOutcome? Outcome, bool ExcludeSelf, Exception? Failure);
