namespace Singr.Silo.Messaging;

/// <param name="Kind">The template it was rendered from: a code (two_factor_code, sms_verification) may go through Twilio Verify instead.</param>
public sealed record OutgoingSms(Guid MessageId, string To, string Body, string Kind);
