namespace Singr.Silo.Runtime;

/// <summary>The silo is not taking calls (starting, shutting down or fenced off); the caller should retry elsewhere or later.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);
