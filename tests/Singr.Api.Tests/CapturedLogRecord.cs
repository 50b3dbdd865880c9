using Microsoft.Extensions.Logging;

namespace Singr.Api.Tests;

public sealed record CapturedLogRecord(string Category, string Message, IReadOnlyDictionary<string, object?> Properties, string? Exception, LogLevel Level = LogLevel.Information, int EventId = 0)
{
    public override string ToString() =>
        $"{Category}: {Message} {string.Join(' ', Properties.Select(p => $"{p.Key}={p.Value}"))} {Exception}";
}
