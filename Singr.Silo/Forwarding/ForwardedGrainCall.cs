using System.Text.Json;

namespace Singr.Silo.Forwarding;

/// <summary>A grain call as it travels between silos: the interface and method by name, the arguments as JSON.</summary>
internal sealed record ForwardedGrainCall(
    string GrainType,
    string GrainKey,
    string Interface,
    string Method,
    IReadOnlyList<JsonElement> Arguments,
    int Hops);
