namespace Singr.Silo.Messaging;

/// <summary><c>Singr:Smtp</c>: any SMTP relay (Mailjet's <c>in-v3.mailjet.com:587</c>, a local mail catcher).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Singr:Smtp";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1025;

    /// <summary><c>None</c> (a local catcher), <c>StartTls</c> (port 587), <c>SslOnConnect</c> (465) or <c>Auto</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
