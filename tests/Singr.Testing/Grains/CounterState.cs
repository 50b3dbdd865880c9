namespace Singr.Testing.Grains;

public sealed class CounterState
{
    public long Count { get; set; }
}
