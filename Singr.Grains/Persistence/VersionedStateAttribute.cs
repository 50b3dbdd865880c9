using Orleans;

namespace Singr.Grains.Persistence;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IVersionedState{TState}"/>: the silo fills it with the grain's
/// state row (read before activation) in Singr's PostgreSQL storage, the way Orleans fills <c>[PersistentState]</c>.
/// </summary>
/// <param name="stateName">The grain type as stored (<c>grain_state.grain_type</c>): keep it stable across renames.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class VersionedStateAttribute(string stateName) : Attribute, IFacetMetadata
{
    public string StateName { get; } = stateName;
}
