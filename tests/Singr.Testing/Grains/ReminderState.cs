namespace Singr.Testing.Grains;

public sealed class ReminderState
{
    public List<ReminderTick> Ticks { get; set; } = [];
}
