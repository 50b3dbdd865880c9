namespace Singr.Testing.Grains;

public sealed class EventingState
{
    public long LastSequence { get; set; }
}
