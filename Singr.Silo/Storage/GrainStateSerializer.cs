using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Singr.Silo.Storage;

/// <summary>
/// Grain state as JSON: camelCase, enums as strings, so stored rows stay readable with psql; fields renamed since they
/// were first stored keep their stored names (<see cref="StoredNames"/>).
/// </summary>
internal static class GrainStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredNames.Apply } },
    };

    public static string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, Options);

    public static TState Deserialize<TState>(string json) =>
        JsonSerializer.Deserialize<TState>(json, Options)
        ?? throw new JsonException($"Stored state of type {typeof(TState).Name} deserialised to null.");
}
