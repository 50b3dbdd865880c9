namespace Singr.Silo.Migrations;

public sealed class MigrationFailedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
