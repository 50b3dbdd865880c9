namespace Singr.Silo.Storage;

internal sealed record StoredGrainState(string Json, long Version);
