namespace Singr.Fuzz.Tests;

/// <param name="Type">Its JSON schema type (string, integer, boolean, …).</param>
public sealed record ApiParameter(string Name, string Type);
