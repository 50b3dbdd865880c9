using System.Text.Json;
using System.Text.Json.Serialization;

namespace Singr.Silo.Storage;

/// <summary>Grain state as JSON: camelCase, enums as strings, so stored rows stay readable with psql.</summary>
internal static class GrainStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, Options);

    public static TState Deserialize<TState>(string json) =>
        JsonSerializer.Deserialize<TState>(json, Options)
        ?? throw new JsonException($"Stored state of type {typeof(TState).Name} deserialised to null.");
}
