namespace Singr.Silo.Messaging;

/// <summary>Hands one email to a provider; throws when the provider did not take it.</summary>
public interface IEmailProvider
{
    /// <returns>The provider's id for the message, when it gives one.</returns>
    Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
