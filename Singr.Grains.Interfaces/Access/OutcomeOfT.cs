namespace Singr.Grains.Interfaces.Access;

/// <summary>
/// What a grain command did: its result, or the business rule that refused it (one of <see cref="DomainErrors"/>).
/// A refused command changed nothing.
/// </summary>
[GenerateSerializer]
[Alias("singr.access.Outcome`1")]
public sealed record Outcome<T>([property: Id(0)] T? Value, [property: Id(1)] string? Error)
{
    public bool Succeeded => Error is null;
}
