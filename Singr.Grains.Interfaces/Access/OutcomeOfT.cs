namespace Singr.Grains.Interfaces.Access;

/// <summary>
/// What a grain command did: its result, or the business rule that refused it (one of <see cref="DomainErrors"/>).
/// A refused command changed nothing.
/// </summary>
public sealed record Outcome<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;
}
