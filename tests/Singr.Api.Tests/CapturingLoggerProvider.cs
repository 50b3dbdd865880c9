using Microsoft.Extensions.Logging;

namespace Singr.Api.Tests;

/// <summary>Records what the application logs, including the properties of its scopes and messages.</summary>
public sealed class CapturingLoggerProvider(CapturedLogs logs) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }
}
