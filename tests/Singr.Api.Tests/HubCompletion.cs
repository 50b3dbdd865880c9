using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>The answer to a hub method call: its result, or the error the hub sent instead.</summary>
internal sealed record HubCompletion(JsonElement Result, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The result, failing the test with the hub's error when there is one.</summary>
    public JsonElement Ok(string what)
    {
        Assert.True(Error is null, $"{what} was refused: {Error}");
        return Result;
    }

    public override string ToString() => Error is null ? $"result {Result}" : $"error {Error}";
}
