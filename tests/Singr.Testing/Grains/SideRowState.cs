namespace Singr.Testing.Grains;

public sealed class SideRowState
{
    public long Total { get; set; }

    /// <summary>The last sequence number written to the grain's stream.</summary>
    public long EventSeq { get; set; }
}
