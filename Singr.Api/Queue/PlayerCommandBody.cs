namespace Singr.Api.Queue;

/// <param name="Command">play, pause, skip, volume or seek.</param>
/// <param name="Value">Volume 0-100, or the seek position in seconds.</param>
public sealed record PlayerCommandBody(string? Command, double? Value);
