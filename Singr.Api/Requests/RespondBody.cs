namespace Singr.Api.Requests;

/// <summary>A host's answer to a request awaiting approval.</summary>
/// <param name="Status">approved or rejected.</param>
/// <param name="Message">Shown to the patron with the answer; at most 500 characters.</param>
public sealed record RespondBody(string? Status, string? Message);
