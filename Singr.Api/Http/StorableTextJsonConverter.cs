using System.Text.Json;
using System.Text.Json.Serialization;

namespace Singr.Api.Http;

/// <summary>Reads JSON strings, refusing text that cannot be stored (<see cref="StorableText"/>) as the field's error.</summary>
public sealed class StorableTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // A number, an object, …: the wrong type, as the serializer's own string reading would say.
            throw new JsonException();
        }

        string? text;
        try
        {
            text = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped half of a surrogate pair (\ud800 alone): the reader cannot make a string of it at all.
            throw new UnstorableTextException();
        }

        return text is null || StorableText.IsStorable(text) ? text : throw new UnstorableTextException();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
