using System.Text.Json;
using Singr.Api.Http;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <param name="Command">play, pause, skip, stop, volume, seek or quality.</param>
/// <param name="Value">A number for volume (0-100) and seek (seconds); a string for quality (default, small, medium, large, hd720, hd1080, highres).</param>
public sealed record PlayerCommandBody(string? Command, JsonElement? Value)
{
    /// <summary>The longest seek: a day into the video.</summary>
    public const int MaxSeekSeconds = 24 * 3600;

    /// <summary>The value as a number, when it is one.</summary>
    public double? Number => Value is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var value) ? value : null;

    /// <summary>The value as the quality level it names, when it is a string.</summary>
    public string? Quality => Command == PlayerCommands.Quality && Value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check()
    {
        if (Command is null || !PlayerCommands.All.Contains(Command))
        {
            return [new("command", $"One of {string.Join(", ", PlayerCommands.All)}.")];
        }

        return Command switch
        {
            PlayerCommands.Volume when Number is not (>= 0 and <= 100) => [new("value", "The volume, from 0 to 100.")],
            PlayerCommands.Seek when Number is not (>= 0 and <= MaxSeekSeconds) => [new("value", "The position to seek to, in seconds.")],
            PlayerCommands.Quality when Quality is not { } quality || !VideoQualities.All.Contains(quality) =>
                [new("value", $"The quality: one of {string.Join(", ", VideoQualities.All)}.")],
            _ => [],
        };
    }
}
