namespace Singr.Grains.Accounts;

public sealed class SongKeyChange
{
    public string SongKey { get; set; } = string.Empty;

    public int KeyChange { get; set; }
}
