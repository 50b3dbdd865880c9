using Microsoft.AspNetCore.SignalR;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Hubs;

/// <summary>Hub refusals a client can show: the message starts with the same code the HTTP API would use.</summary>
public static class HubErrors
{
    public static HubException Refused(string code, string message) => new($"{code}: {message}");

    /// <summary>VALIDATION_ERROR with each problem as <c>field: message</c>, as the HTTP API lists them.</summary>
    public static HubException Invalid(IEnumerable<FieldProblem> problems) =>
        Refused("VALIDATION_ERROR", string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")));
}
