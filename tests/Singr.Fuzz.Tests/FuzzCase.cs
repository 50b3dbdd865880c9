namespace Singr.Fuzz.Tests;

/// <summary>One hostile request: where it goes, what it carries, and in words what is wrong with it.</summary>
/// <param name="Token">The bearer token to send instead of the caller's, when the token is what is wrong.</param>
public sealed record FuzzCase(string Method, string Target, byte[]? Body, string ContentType, string? Token, string What)
{
    public override string ToString() => $"{Method} {(Target.Length > 120 ? Target[..120] + "…" : Target)} ({What})";
}
