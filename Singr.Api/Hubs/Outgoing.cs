using System.Text.Json;

namespace Singr.Api.Hubs;

/// <summary>A message for one connection: the client method and its payload.</summary>
public readonly record struct Outgoing(string Method, JsonElement Payload);
