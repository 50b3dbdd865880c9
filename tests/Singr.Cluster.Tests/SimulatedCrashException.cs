namespace Singr.Cluster.Tests;

/// <summary>Thrown by a test hook where a real silo would have died.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("The silo 'died' here.")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
