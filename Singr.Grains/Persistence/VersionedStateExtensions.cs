namespace Singr.Grains.Persistence;

public static class VersionedStateExtensions
{
    /// <summary>Writes the state with the side rows <paramref name="collect"/> adds, in one transaction.</summary>
    public static Task WriteAsync<TState>(this IVersionedState<TState> state, Action<List<ISideRow>> collect)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(collect);
        var rows = new List<ISideRow>();
        collect(rows);
        return state.WriteAsync(rows);
    }
}
