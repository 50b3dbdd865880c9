namespace Singr.Grains.Queue;

/// <summary>
/// A singer's key change the venue owes their account after an accepted request: committed with the request, sent
/// after the write, kept until sent. Remembering the same key change twice is harmless.
/// </summary>
public sealed class KeyChangeMemory
{
    public string Account { get; set; } = string.Empty;

    public string SongKey { get; set; } = string.Empty;

    public int KeyChange { get; set; }
}
