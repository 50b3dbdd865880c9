namespace Singr.Api.Requests;

/// <summary>A regular, by the name their requests carry (their account or guest id never leaves the server).</summary>
public sealed record TopPatron(string Name, int Requests);
