using Orleans.Runtime;

namespace Singr.Silo.Storage;

/// <summary>A grain's state row: its stable state name and its key as text (a GUID key in the "D" form).</summary>
internal readonly record struct GrainStateKey(string Type, string Key)
{
    public static GrainStateKey For(string stateName, GrainId grainId) =>
        new(stateName, grainId.TryGetGuidKey(out var guid, out _) ? guid.ToString("D") : grainId.Key.ToString()!);

    public override string ToString() => $"{Type}/{Key}";
}
