using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Singr.Grains.Interfaces.Messaging;

namespace Singr.Silo.Messaging;

/// <summary>
/// One worker's round: claim what is due (at most <see cref="MessagingOptions.Concurrency"/> at once and
/// <see cref="MessagingOptions.MaxPerMinute"/> a minute), then for each message find its address, honour the user's
/// choice, the switches and the hourly limits, render it, hand it to its provider, and record the outcome.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private readonly OutboxStore _store;
    private readonly MessageTemplates _templates;
    private readonly IEmailProvider _email;
    private readonly ISmsProvider _sms;
    private readonly IOptions<MessagingOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly SendRateWindow _rate;

    public OutboxDispatcher(
        OutboxStore store,
        MessageTemplates templates,
        IEmailProvider email,
        ISmsProvider sms,
        IOptions<MessagingOptions> options,
        TimeProvider clock,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _templates = templates;
        _email = email;
        _sms = sms;
        _options = options;
        _clock = clock;
        _logger = logger;
        _rate = new SendRateWindow(clock, options.Value.MaxPerMinute, TimeSpan.FromMinutes(1));
    }

    /// <summary>This process's name on the claims it holds.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Releases what dead workers held, then claims and finishes one batch of due messages.</summary>
    /// <param name="cancellationToken">Stops claiming; messages already claimed are finished regardless.</param>
    /// <returns>How many messages this round claimed.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var (released, unconfirmed) = await _store.ReleaseExpiredAsync(_clock.GetUtcNow(), cancellationToken);
        if (released + unconfirmed > 0)
        {
            LogReleased(released, unconfirmed);
        }

        var room = Math.Min(options.Concurrency, _rate.Available());
        if (room <= 0)
        {
            return 0;
        }

        var claimed = await _store.ClaimDueAsync(WorkerId, _clock.GetUtcNow(), room, options.ClaimLease, cancellationToken);
        _rate.Record(claimed.Count);
        await Task.WhenAll(claimed.Select(message => DeliverAsync(message, CancellationToken.None)));
        return claimed.Count;
    }

    /// <summary>The wait until the rate window lets another message go (zero when it does now).</summary>
    public TimeSpan UntilRateAllows() => _rate.UntilAvailable();

    private async Task DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        try
        {
            if (!IsSwitchedOn(message.Channel, options))
            {
                await SkipAsync(message, $"{message.Channel} sending is switched off (ENABLE_{message.Channel.ToUpperInvariant()}_SENDING).", cancellationToken);
                return;
            }

            var address = message.Recipient;
            if (message.UserId is { } userId && (address is null || message.Preference is not null))
            {
                var recipient = await _store.FindRecipientAsync(userId, message.Channel, message.Preference, cancellationToken);
                if (recipient is null)
                {
                    await SkipAsync(message, "The account no longer exists.", cancellationToken);
                    return;
                }

                if (message.Preference is not null && !(recipient.ChannelChosen ?? IsDefaultChoice(message.Channel)))
                {
                    await SkipAsync(message, $"The user switched {message.Channel} off for {message.Preference}.", cancellationToken);
                    return;
                }

                address ??= message.Channel == MessageChannels.Sms ? recipient.Phone : recipient.Email;
            }

            if (string.IsNullOrWhiteSpace(address))
            {
                await SkipAsync(message, message.Channel == MessageChannels.Sms ? "The user has no verified phone." : "There is no address.", cancellationToken);
                return;
            }

            RenderedMessage rendered;
            try
            {
                rendered = _templates.Render(message.Channel, message.Kind, message.Values);
            }
            catch (UnknownMessageKindException ex)
            {
                await _store.MarkFailedAsync(message.Id, ex.Message, _clock.GetUtcNow(), cancellationToken);
                LogFailedForGood(message.Id, message.Kind, ex.Message);
                return;
            }

            var limit = message.Channel == MessageChannels.Sms ? options.SmsPerUserPerHour : options.EmailsPerUserPerHour;
            var verdict = await _store.BeginSendingAsync(message, address, WorkerId, limit, _clock.GetUtcNow(), options.ClaimLease, cancellationToken);
            if (verdict != SendingVerdict.Send)
            {
                LogNotSent(message.Id, verdict);
                return;
            }

            await SendAsync(message, address, rendered, options, cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            // The claim's lease runs out and the message is released (or, if it reached a provider, kept unconfirmed).
            LogStoreFailed(ex, message.Id);
        }
    }

    private async Task SendAsync(ClaimedMessage message, string address, RenderedMessage rendered, MessagingOptions options, CancellationToken cancellationToken)
    {
        string? providerId;
        try
        {
            providerId = message.Channel == MessageChannels.Sms
                ? await _sms.SendAsync(new OutgoingSms(message.Id, address, rendered.Text, message.Kind), cancellationToken)
                : await _email.SendAsync(new OutgoingEmail(message.Id, address, rendered.Subject, rendered.Text, rendered.Html), cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the provider threw, the attempt failed and is retried or failed for good.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var now = _clock.GetUtcNow();
            var status = await _store.MarkAttemptFailedAsync(
                message.Id, $"{ex.GetType().Name}: {ex.Message}", options.MaxAttempts, now + options.RetryDelayAfter(message.Attempt), now, cancellationToken);
            LogAttemptFailed(ex, message.Id, message.Kind, message.Attempt, status ?? "released");
            MessagingMetrics.Count(message.Channel, message.Kind, status == "failed" ? "failed" : "retried");
            return;
        }

        await _store.MarkSentAsync(message.Id, providerId, rendered.Subject, _clock.GetUtcNow(), cancellationToken);
        MessagingMetrics.Count(message.Channel, message.Kind, "sent");
        LogSent(message.Id, message.Channel, message.Kind, message.Attempt);
    }

    private async Task SkipAsync(ClaimedMessage message, string reason, CancellationToken cancellationToken)
    {
        await _store.MarkSkippedAsync(message.Id, reason, _clock.GetUtcNow(), cancellationToken);
        MessagingMetrics.Count(message.Channel, message.Kind, "skipped");
        LogSkipped(message.Id, message.Kind, reason);
    }

    private static bool IsSwitchedOn(string channel, MessagingOptions options) =>
        channel == MessageChannels.Sms ? options.EnableSmsSending : options.EnableEmailSending;

    private static bool IsDefaultChoice(string channel) =>
        channel == MessageChannels.Sms ? NotificationChoice.Default.Sms : NotificationChoice.Default.Email;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent outbox message {MessageId} ({Channel} {Kind}) on attempt {Attempt}")]
    private partial void LogSent(Guid messageId, string channel, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) attempt {Attempt} failed; it is now {Status}")]
    private partial void LogAttemptFailed(Exception exception, Guid messageId, string kind, int attempt, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Kind}) failed for good: {Reason}")]
    private partial void LogFailedForGood(Guid messageId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) skipped: {Reason}")]
    private partial void LogSkipped(Guid messageId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} not sent: {Verdict}")]
    private partial void LogNotSent(Guid messageId, SendingVerdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Released} outbox claims of stopped workers; {Unconfirmed} sends they held are unconfirmed")]
    private partial void LogReleased(int released, int unconfirmed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox store failed while handling message {MessageId}; its claim will be released")]
    private partial void LogStoreFailed(Exception exception, Guid messageId);
}
