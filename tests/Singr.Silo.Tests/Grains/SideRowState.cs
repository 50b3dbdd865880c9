namespace Singr.Silo.Tests.Grains;

public sealed class SideRowState
{
    public int Value { get; set; }
}
