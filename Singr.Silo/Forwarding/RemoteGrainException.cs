namespace Singr.Silo.Forwarding;

/// <summary>A grain on another silo threw an exception whose type this process cannot recreate.</summary>
public sealed class RemoteGrainException(string exceptionType, string message)
    : Exception($"{exceptionType}: {message}")
{
    public string ExceptionType { get; } = exceptionType;
}
