using System.Text.Json;

namespace Singr.Silo.Forwarding;

/// <param name="RanOn">The silo that ran (or refused) the call, so the caller can remember where the grain lives.</param>
internal sealed record ForwardedGrainResponse(bool Ok, JsonElement? Result, RemoteGrainError? Error, Guid RanOn);
