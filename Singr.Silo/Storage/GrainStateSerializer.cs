using System.Text.Json;
using System.Text.Json.Serialization;

namespace Singr.Silo.Storage;

/// <summary>Grain state as JSON: camelCase, enums as strings, so stored rows stay readable with psql.</summary>
internal sealed class GrainStateSerializer
{
    private readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, _options);

    public TState Deserialize<TState>(string json) =>
        JsonSerializer.Deserialize<TState>(json, _options)
        ?? throw new JsonException($"Stored state of type {typeof(TState).Name} deserialised to null.");
}
