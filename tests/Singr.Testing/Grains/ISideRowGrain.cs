namespace Singr.Testing.Grains;

/// <summary>A running total whose every change commits with an audit row and an event on its own stream.</summary>
[Alias("singr.testing.ISideRowGrain")]
public interface ISideRowGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds <paramref name="amount"/> and writes the total with an audit row and a stream event. With
    /// <paramref name="breakTheEvent"/> the event reuses sequence 1 of the grain's stream, which a unique index refuses.
    /// </summary>
    /// <returns>The committed total.</returns>
    [Alias("Add")]
    Task<long> Add(int amount, bool breakTheEvent);

    [Alias("GetTotal")]
    Task<long> GetTotal();
}
