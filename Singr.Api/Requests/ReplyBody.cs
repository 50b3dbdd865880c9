namespace Singr.Api.Requests;

/// <summary>The requesting patron's one reply to the host's answer: 1 to 500 characters.</summary>
public sealed record ReplyBody(string? Message);
