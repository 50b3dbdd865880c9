using System.Text.Json;

namespace Singr.Silo.Forwarding;

/// <summary>A grain call as it travels between silos: the interface and method by name, the arguments as JSON.</summary>
/// <param name="Hops">How often the call has been forwarded, this hop included.</param>
/// <param name="ExcludedSilo">A silo the sender found unable to take the call (leaving, fenced): the receiver leaves it out too.</param>
internal sealed record ForwardedGrainCall(
    string GrainType,
    string GrainKey,
    string Interface,
    string Method,
    IReadOnlyList<JsonElement> Arguments,
    int Hops,
    Guid? ExcludedSilo);
