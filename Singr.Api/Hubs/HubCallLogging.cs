using Microsoft.AspNetCore.SignalR;

namespace Singr.Api.Hubs;

/// <summary>
/// The one log line of a hub call that failed. A refusal (<see cref="HubException"/>: a wrong venue, a bad argument)
/// is the client's, logged at Information with its code and no stack trace, at most
/// <see cref="RefusalsLoggedPerConnection"/> times a connection, so one misbehaving phone cannot flood the logs; anything
/// else is the server's, logged as an error with its exception. SignalR's own line for the same failure is turned off
/// (<c>SingrHosting.ConfigureLogging</c>).
/// </summary>
public sealed partial class HubCallLogging(ILogger<HubCallLogging> logger) : IHubFilter
{
    public const int RefusalsLoggedPerConnection = 20;

    private static readonly object RefusalCount = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refusal)
        {
            var items = invocationContext.Context.Items;
            var count = items.TryGetValue(RefusalCount, out var counted) ? (int)counted! + 1 : 1;
            items[RefusalCount] = count;
            if (count <= RefusalsLoggedPerConnection)
            {
                Refused(invocationContext.HubMethodName, invocationContext.Context.ConnectionId, refusal.Message, count == RefusalsLoggedPerConnection);
            }

            throw;
        }
        catch (Exception failure)
        {
            Failed(failure, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} on {ConnectionId} refused: {Refusal} (last logged for this connection: {LastLogged})")]
    private partial void Refused(string method, string connectionId, string refusal, bool lastLogged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {Method} on {ConnectionId} failed")]
    private partial void Failed(Exception exception, string method, string connectionId);
}
