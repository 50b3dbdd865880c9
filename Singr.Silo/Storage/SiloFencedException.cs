namespace Singr.Silo.Storage;

/// <summary>This silo is no longer listed as active: the cluster declared it dead, so it may not commit anything.</summary>
public sealed class SiloFencedException : Exception
{
    public SiloFencedException()
    {
    }

    public SiloFencedException(string message)
        : base(message)
    {
    }

    public SiloFencedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
