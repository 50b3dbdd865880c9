namespace Singr.Grains.Interfaces.Calls;

/// <summary>
/// Repeating this call with the same arguments changes nothing more than the first call did (a read, or a write keyed
/// by an id the grain remembers). Callers may send it again when they cannot tell whether the first one ran: the
/// connection to its silo broke, or its answer never came.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class IdempotentAttribute : Attribute;
