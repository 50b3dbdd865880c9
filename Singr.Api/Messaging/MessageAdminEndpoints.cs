using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Messaging;

namespace Singr.Api.Messaging;

/// <summary><c>/v1/admin/messages</c>: platform staff watch the email and SMS outbox and send a dead message again.</summary>
public static class MessageAdminEndpoints
{
    private static readonly string[] Channels = [MessageChannels.Email, MessageChannels.Sms];

    public static IEndpointRouteBuilder MapMessageAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/v1/admin/messages").WithTags("Admin").RequireRateLimiting(RateLimitPolicies.AdminApi);
        admin.MapGet("/", ListAsync)
            .WithSummary("The outbox: counts by status and the messages, newest first; ?status=…&channel=email|sms")
            .WithDescription("Statuses: pending, claimed, sending, sent, failed (every attempt failed), unconfirmed (a worker stopped while a provider had it: it may have gone out), skipped (switched off, no address, or over the user's hourly limit). Template values (tokens, codes) are never shown.")
            .ProducesEnvelope<OutboxView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequirePlatformPermission(Permissions.MessagesManage);
        admin.MapPost("/{id:guid}/retry", RetryAsync)
            .WithSummary("Send a failed or unconfirmed message again, with fresh attempts; audited")
            .ProducesEnvelope<MessageListing>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequirePlatformPermission(Permissions.MessagesManage);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? status, string? channel, HttpContext context, OutboxBook queue, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var page = PageRequest.Parse(context.Request, problems);
        if (status is not null && !OutboxBook.Statuses.Contains(status))
        {
            problems.Add(new("status", $"One of {string.Join(", ", OutboxBook.Statuses)}."));
        }

        if (channel is not null && !Channels.Contains(channel))
        {
            problems.Add(new("channel", "email or sms."));
        }

        return problems.Count > 0
            ? ApiResults.ValidationFailed(context, problems)
            : ApiResults.Success(context, await queue.ListAsync(status, channel, page, cancellationToken));
    }

    private static async Task<IResult> RetryAsync(Guid id, HttpContext context, OutboxBook queue, CancellationToken cancellationToken)
    {
        if (await queue.RetryAsync(id, PlatformContext.Of(context).Stamp(context), cancellationToken) is { } retried)
        {
            return ApiResults.Success(context, retried, message: "The message is due again.");
        }

        return await queue.FindAsync(id, cancellationToken) is { } message
            ? ApiResults.Failure(context, StatusCodes.Status409Conflict, new ApiError(
                "MESSAGE_NOT_RETRYABLE",
                $"The message is {message.Status}; only failed or unconfirmed messages are sent again.",
                "This message does not need sending again.",
                [new("status", message.Status)]))
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, ApiErrors.ForStatus(StatusCodes.Status404NotFound));
    }
}
