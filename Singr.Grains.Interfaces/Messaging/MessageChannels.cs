namespace Singr.Grains.Interfaces.Messaging;

/// <summary>How an outbox message reaches its recipient.</summary>
public static class MessageChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
}
