namespace Singr.Silo.Grains;

/// <summary>The identity of a grain: its type name (stable, stored in the database) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
