using Microsoft.AspNetCore.SignalR;

namespace Singr.Api.Hubs;

/// <summary>Hub refusals a client can show: the message starts with the same code the HTTP API would use.</summary>
public static class HubErrors
{
    public static HubException Refused(string code, string message) => new($"{code}: {message}");
}
