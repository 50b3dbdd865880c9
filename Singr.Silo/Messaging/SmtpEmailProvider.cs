using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Singr.Silo.Messaging;

/// <summary>Email through any SMTP relay with MailKit: one connection per message, multipart text and HTML.</summary>
internal sealed class SmtpEmailProvider(IOptions<SmtpOptions> smtp, IOptions<MessagingOptions> messaging) : IEmailProvider
{
    public async Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var options = smtp.Value;
        var message = new MimeMessage
        {
            MessageId = $"{email.MessageId:N}@singr",
            Subject = email.Subject,
            Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(messaging.Value.FromName, messaging.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));

        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(options.Username))
        {
            await client.AuthenticateAsync(options.Username, options.Password ?? string.Empty, cancellationToken);
        }

        var answer = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return string.IsNullOrWhiteSpace(answer) ? message.MessageId : answer.Trim();
    }
}
