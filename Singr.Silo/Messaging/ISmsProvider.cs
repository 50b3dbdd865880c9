namespace Singr.Silo.Messaging;

/// <summary>Hands one SMS to a provider; throws when the provider did not take it.</summary>
public interface ISmsProvider
{
    /// <returns>The provider's id for the message, when it gives one.</returns>
    Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}
