using Microsoft.Extensions.Logging;

namespace Singr.Silo.Messaging;

/// <summary>Development's email provider: the message goes to the log, where a developer reads its links.</summary>
internal sealed partial class ConsoleEmailProvider(ILogger<ConsoleEmailProvider> logger) : IEmailProvider
{
    public Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        LogEmail(email.To, email.Subject, email.Text);
        return Task.FromResult<string?>(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "EMAIL (console provider) to {To}: {Subject}\n{Text}")]
    private partial void LogEmail(string to, string subject, string text);
}
