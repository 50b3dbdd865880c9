namespace Singr.Silo.Forwarding;

/// <param name="Kind"><c>application</c>, <c>transient</c>, <c>unavailable</c> or <c>timeout</c>.</param>
internal sealed record RemoteGrainError(string Kind, string Type, string Message);
