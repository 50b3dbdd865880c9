namespace Singr.Silo.Storage;

/// <summary>The configured connection string, password included (a data source's own copy has it removed).</summary>
internal sealed record DatabaseConnectionString(string Value);
