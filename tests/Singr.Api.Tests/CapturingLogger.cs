using Microsoft.Extensions.Logging;

namespace Singr.Api.Tests;

internal sealed class CapturingLogger(string category, CapturedLogs logs, Func<IExternalScopeProvider> scopes) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => scopes().Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = new Dictionary<string, object?>();
        scopes().ForEachScope(
            (scope, props) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                {
                    foreach (var pair in pairs)
                    {
                        props[pair.Key] = pair.Value;
                    }
                }
                else
                {
                    props[$"scope{props.Count}"] = scope?.ToString();
                }
            },
            properties);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var pair in values)
            {
                properties[pair.Key] = pair.Value;
            }
        }

        logs.Add(new CapturedLogRecord(category, formatter(state, exception), properties, exception?.ToString(), logLevel, eventId.Id));
    }
}
