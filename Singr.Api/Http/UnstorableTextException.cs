using System.Text.Json;

namespace Singr.Api.Http;

/// <summary>A JSON string Singr cannot store; the serializer adds the field's path.</summary>
public sealed class UnstorableTextException : JsonException
{
    public UnstorableTextException()
        : base(StorableText.Problem)
    {
    }

    public UnstorableTextException(string message)
        : base(message)
    {
    }

    public UnstorableTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
