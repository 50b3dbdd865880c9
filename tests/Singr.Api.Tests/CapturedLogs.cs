using System.Collections.Concurrent;

namespace Singr.Api.Tests;

/// <summary>Every log record the application wrote, with its scopes, as text.</summary>
public sealed class CapturedLogs
{
    private readonly ConcurrentQueue<CapturedLogRecord> _records = new();

    public IReadOnlyCollection<CapturedLogRecord> Records => _records;

    public void Add(CapturedLogRecord record) => _records.Enqueue(record);

    public string AllText => string.Join('\n', _records.Select(r => r.ToString()));
}
