using Orleans;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Messaging;

namespace Singr.Api.Notifications;

/// <summary>
/// <c>/v1/users/me/notifications</c> and <c>/v1/users/me/notification-preferences</c>: a signed-in account's inbox of
/// what it was told about requests (answers, fulfilments, replies), and its email/SMS/in-app choice per kind. Only
/// accounts have an inbox: a guest session is 403 ACCOUNT_REQUIRED (its kiosk hears its answers live instead). A
/// developer impersonating a user may look, but not mark read or change choices for them.
/// </summary>
public static class NotificationEndpoints
{
    private const string KindsField = "kinds";

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var inbox = endpoints.MapGroup("/v1/users/me/notifications").WithTags("Notifications").RequireRateLimiting(RateLimitPolicies.CustomerApi);
        inbox.MapGet("/", ListAsync)
            .WithSummary("The caller's notifications, newest first, with unreadCount; ?unread=true for the unread ones only")
            .WithDescription("Kinds whose in-app choice is off are left out (and not counted). Paged with page and limit. Guests: 403 ACCOUNT_REQUIRED.")
            .ProducesEnvelope<NotificationInboxPage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireAccount();
        inbox.MapPost("/read-all", MarkAllReadAsync)
            .WithSummary("Mark every notification of the caller read")
            .ProducesEnvelope<NotificationsMarkedRead>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireAccount();
        inbox.MapPost("/{id}/read", MarkReadAsync)
            .WithSummary("Mark one of the caller's notifications read; marking it again keeps the first time")
            .WithDescription("Another user's notification, like an unknown id, is 404 NOTIFICATION_NOT_FOUND.")
            .ProducesEnvelope<NotificationReadReply>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireAccount();

        var preferences = endpoints.MapGroup("/v1/users/me/notification-preferences").WithTags("Notifications").RequireRateLimiting(RateLimitPolicies.CustomerApi);
        preferences.MapGet("/", GetPreferencesAsync)
            .WithSummary("The caller's email, SMS and in-app choice for every notification kind (untouched kinds: email and in-app, no SMS)")
            .ProducesEnvelope<NotificationPreferences>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireAccount();
        preferences.MapPut("/", SetPreferencesAsync)
            .WithSummary("Set the channels of the kinds given ({kinds: {request_approved: {email, sms, inApp}, …}}); other kinds keep theirs")
            .WithDescription("Each kind given needs email, sms and inApp (true or false); an unknown kind is 400 naming it (kinds.<kind>). Email and SMS choices are applied when each message is sent.")
            .ProducesEnvelope<NotificationPreferences>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequireAccount();
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext context, NotificationInbox notifications, CancellationToken cancellationToken)
    {
        var problems = new List<ApiErrorDetail>();
        var page = PageRequest.Parse(context.Request, problems);
        var unread = QueryValues.Flag(context.Request, "unread", problems) ?? false;
        return problems.Count > 0
            ? ApiResults.ValidationFailed(context, problems)
            : ApiResults.Success(context, await notifications.ListAsync(UserId(context), unread, page, cancellationToken));
    }

    private static async Task<IResult> MarkReadAsync(string id, HttpContext context, NotificationInbox notifications, CancellationToken cancellationToken)
    {
        if (context.RequireCaller().IsImpersonated)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.NotUnderImpersonation());
        }

        return Guid.TryParse(id, out var notificationId) && await notifications.MarkReadAsync(UserId(context), notificationId, cancellationToken) is { } marked
            ? ApiResults.Success(context, marked)
            : ApiResults.Failure(context, StatusCodes.Status404NotFound, NotificationErrors.NotFound());
    }

    private static async Task<IResult> MarkAllReadAsync(HttpContext context, NotificationInbox notifications, CancellationToken cancellationToken) =>
        context.RequireCaller().IsImpersonated
            ? ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.NotUnderImpersonation())
            : ApiResults.Success(context, await notifications.MarkAllReadAsync(UserId(context), cancellationToken));

    private static async Task<IResult> GetPreferencesAsync(HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<IAccountNotificationsGrain>(context.RequireCaller().Email!).GetNotificationPreferences() is { } preferences
            ? ApiResults.Success(context, preferences)
            : DomainRefusals.ToResult(context, Grains.Interfaces.Access.DomainErrors.AccountNotFound);

    private static async Task<IResult> SetPreferencesAsync(NotificationPreferencesBody body, HttpContext context, IGrainFactory grains)
    {
        var caller = context.RequireCaller();
        if (caller.IsImpersonated)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.NotUnderImpersonation());
        }

        var problems = Check(body, out var choices);
        return problems.Count > 0
            ? ApiResults.ValidationFailed(context, problems)
            : DomainRefusals.Result(context, await grains.GetGrain<IAccountNotificationsGrain>(caller.Email!).SetNotificationPreferences(choices));
    }

    /// <summary>Every kind given is known and says all three channels.</summary>
    private static List<ApiErrorDetail> Check(NotificationPreferencesBody body, out Dictionary<string, NotificationChoice> choices)
    {
        choices = new Dictionary<string, NotificationChoice>(StringComparer.Ordinal);
        var problems = new List<ApiErrorDetail>();
        if (body.Kinds is not { Count: > 0 } kinds)
        {
            problems.Add(new(KindsField, $"One or more of {string.Join(", ", NotificationKinds.All)}, each with email, sms and inApp."));
            return problems;
        }

        foreach (var (kind, choice) in kinds)
        {
            var field = $"{KindsField}.{kind}";
            if (!NotificationKinds.All.Contains(kind))
            {
                problems.Add(new(field, $"No such notification kind: one of {string.Join(", ", NotificationKinds.All)}."));
                continue;
            }

            if (choice is not { Email: { } email, Sms: { } sms, InApp: { } inApp })
            {
                problems.AddRange(new[] { ("email", choice?.Email), ("sms", choice?.Sms), ("inApp", choice?.InApp) }
                    .Where(c => c.Item2 is null)
                    .Select(c => new ApiErrorDetail($"{field}.{c.Item1}", "true or false.")));
                continue;
            }

            choices[kind] = new NotificationChoice(email, sms, inApp);
        }

        return problems;
    }

    private static Guid UserId(HttpContext context) =>
        context.RequireCaller().UserId ?? throw new InvalidOperationException("RequireAccount lets only accounts in.");
}
