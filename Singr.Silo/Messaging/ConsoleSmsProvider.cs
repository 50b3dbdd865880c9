using Microsoft.Extensions.Logging;

namespace Singr.Silo.Messaging;

/// <summary>Development's SMS provider: the text goes to the log.</summary>
internal sealed partial class ConsoleSmsProvider(ILogger<ConsoleSmsProvider> logger) : ISmsProvider
{
    public Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        LogSms(sms.To, sms.Body);
        return Task.FromResult<string?>(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS (console provider) to {To}: {Body}")]
    private partial void LogSms(string to, string body);
}
