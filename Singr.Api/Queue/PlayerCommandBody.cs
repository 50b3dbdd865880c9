using Singr.Api.Http;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <param name="Command">play, pause, skip, volume or seek.</param>
/// <param name="Value">Volume 0-100, or the seek position in seconds.</param>
public sealed record PlayerCommandBody(string? Command, double? Value)
{
    /// <summary>The longest seek: a day into the video.</summary>
    public const int MaxSeekSeconds = 24 * 3600;

    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check()
    {
        if (Command is null || !PlayerCommands.All.Contains(Command))
        {
            return [new("command", $"One of {string.Join(", ", PlayerCommands.All)}.")];
        }

        return Command switch
        {
            PlayerCommands.Volume when Value is not (>= 0 and <= 100) => [new("value", "The volume, from 0 to 100.")],
            PlayerCommands.Seek when Value is not (>= 0 and <= MaxSeekSeconds) => [new("value", "The position to seek to, in seconds.")],
            _ => [],
        };
    }
}
