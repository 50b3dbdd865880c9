namespace Singr.Silo.Messaging;

/// <summary><c>Singr:Twilio</c>: the account that sends SMS, and the number or messaging service it sends from.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Singr:Twilio";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164), unless <see cref="MessagingServiceSid"/> is set.</summary>
    public string? FromNumber { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// A Twilio Verify service (<c>VA…</c>): when set, sign-in and phone codes are sent and checked by Verify (which makes
    /// its own code) instead of as a plain message carrying Singr's.
    /// </summary>
    public string? VerifyServiceSid { get; set; }

    /// <summary>Twilio's API origin; a test points it at a local fake.</summary>
    public Uri ApiBase { get; set; } = new("https://api.twilio.com");
}
