namespace Singr.Silo.Messaging;

/// <summary>
/// <c>Singr:Messaging</c>: which providers send email and SMS, the outbox worker's pace, and the per-user limits (the
/// Singr backend plan's EMAIL_RATE_LIMIT_MAX, SMS_RATE_LIMIT_MAX and COMMUNICATION_RETRY). The plan's
/// <c>ENABLE_EMAIL_SENDING</c>, <c>ENABLE_SMS_SENDING</c>, <c>EMAIL_PROVIDER</c> and <c>SMS_PROVIDER</c> environment
/// variables override the matching settings.
/// </summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Singr:Messaging";

    public const string ConsoleProvider = "console";
    public const string SmtpProvider = "smtp";
    public const string TwilioProvider = "twilio";

    /// <summary>Off: email messages are kept as skipped, not sent (the plan's ENABLE_EMAIL_SENDING).</summary>
    public bool EnableEmailSending { get; set; } = true;

    public bool EnableSmsSending { get; set; } = true;

    /// <summary><c>console</c> (logs the message: the default) or <c>smtp</c>.</summary>
    public string EmailProvider { get; set; } = ConsoleProvider;

    /// <summary><c>console</c> (the default) or <c>twilio</c>.</summary>
    public string SmsProvider { get; set; } = ConsoleProvider;

    public string FromAddress { get; set; } = "no-reply@singr.local";

    public string FromName { get; set; } = "Singr";

    /// <summary>Where the links in messages point (the web pages' origin).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>Off: this process claims no messages (tests that only look at what was queued).</summary>
    public bool WorkerEnabled { get; set; } = true;

    public int EmailsPerUserPerHour { get; set; } = 10;

    public int SmsPerUserPerHour { get; set; } = 5;

    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait after the first failure; each later one is <see cref="BackoffMultiplier"/> times the last.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public double BackoffMultiplier { get; set; } = 2;

    /// <summary>Messages one worker sends at once.</summary>
    public int Concurrency { get; set; } = 10;

    /// <summary>Messages one worker sends in any minute.</summary>
    public int MaxPerMinute { get; set; } = 100;

    /// <summary>How long a claim holds a message; a worker that dies leaves it to be released after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks for due messages .</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sent and skipped messages are kept this long, and at most <see cref="CompletedKept"/> of them.</summary>
    public TimeSpan CompletedRetention { get; set; } = TimeSpan.FromHours(24);

    public int CompletedKept { get; set; } = 1000;

    /// <summary>Failed and unconfirmed messages are kept this long for platform staff to see and retry.</summary>
    public TimeSpan FailedRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait before attempt <paramref name="attemptsMade"/> + 1: 1 s, then 2 s, then 4 s…</summary>
    public TimeSpan RetryDelayAfter(int attemptsMade) =>
        TimeSpan.FromTicks((long)(FirstRetryDelay.Ticks * Math.Pow(BackoffMultiplier, Math.Max(0, attemptsMade - 1))));
}
