namespace Singr.Testing.Grains;

public sealed class SideRowState
{
    public int Value { get; set; }
}
