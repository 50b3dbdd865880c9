namespace Singr.Silo.Messaging;

/// <summary>A message ready for its channel: email uses all three, SMS only <see cref="Text"/>.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);
