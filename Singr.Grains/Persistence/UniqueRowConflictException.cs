namespace Singr.Grains.Persistence;

/// <summary>A side row broke a unique index (for example a live venue's slug): nothing of the write committed.</summary>
public sealed class UniqueRowConflictException : Exception
{
    public UniqueRowConflictException()
    {
    }

    public UniqueRowConflictException(string message)
        : base(message)
    {
    }

    public UniqueRowConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The index that refused the row; known where the write was made (it does not cross grain calls).</summary>
    public string? ConstraintName { get; private init; }

    public static UniqueRowConflictException For(string constraintName, string message) =>
        new(message) { ConstraintName = constraintName };
}
