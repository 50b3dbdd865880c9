namespace Singr.Silo.Messaging;

/// <summary>An outbox row names a template this version does not have: it fails and stays for platform staff to see.</summary>
public sealed class UnknownMessageKindException : Exception
{
    public UnknownMessageKindException()
    {
    }

    public UnknownMessageKindException(string message)
        : base(message)
    {
    }

    public UnknownMessageKindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
