using Singr.Api.Access;
using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Api.RateLimiting;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Customers;
using Orleans;

namespace Singr.Api.Customers;

/// <summary>
/// Organisations: <c>/v1/customers</c> to create one and list one's own; <c>/v1/customer</c> for the active one (from
/// the token), its members and invitations; <c>/v1/invitations/accept</c> to join.
/// </summary>
public static class CustomerEndpoints
{
    public const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup("/v1/customers").WithTags("Organisations").RequireRateLimiting(RateLimitPolicies.CustomerApi);
        customers.MapPost("/", CreateAsync)
            .WithSummary("Create an organisation; the caller becomes its owner and acts for it")
            .ProducesEnvelope<CreatedCustomer>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .RequireAccount();
        customers.MapGet("/", ListMineAsync)
            .WithSummary("The organisations the caller belongs to, with their role")
            .ProducesEnvelope<IReadOnlyList<Membership>>()
            .RequireAccount();

        // The active organisation is the token's; no route takes an organisation id from the client.
        var active = endpoints.MapGroup("/v1/customer").WithTags("Organisations")
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .ProducesErrors(StatusCodes.Status403Forbidden);
        active.MapGet("/", GetAsync)
            .WithSummary("The active organisation, the caller's role and permissions there")
            .ProducesEnvelope<ActiveCustomer>()
            .RequireCustomerPermission(Permissions.OrganizationRead);
        active.MapPatch("/", RenameAsync)
            .WithSummary("Rename the active organisation")
            .ProducesEnvelope<CustomerProfile>()
            .ProducesErrors(StatusCodes.Status400BadRequest)
            .RequireCustomerPermission(Permissions.OrganizationWrite);
        active.MapGet("/members", ListMembersAsync)
            .WithSummary("Members and their roles")
            .ProducesEnvelope<IReadOnlyList<CustomerMember>>()
            .RequireCustomerPermission(Permissions.OrganizationRead);
        active.MapPatch("/members/{userId}", ChangeRoleAsync)
            .WithSummary("Change a member's role (the last owner stays an owner)")
            .ProducesEnvelope<CustomerMember>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RequireCustomerPermission(Permissions.OrganizationWrite);
        active.MapDelete("/members/{userId}", RemoveMemberAsync)
            .WithSummary("Remove a member (owners), or leave (anyone); never the last owner")
            .ProducesEnvelope<CustomerMember>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RequireCustomerPermission(Permissions.OrganizationRead);
        active.MapGet("/invitations", ListInvitationsAsync)
            .WithSummary("Pending invitations")
            .ProducesEnvelope<IReadOnlyList<CustomerInvitation>>()
            .RequireCustomerPermission(Permissions.OrganizationWrite);
        active.MapPost("/invitations", InviteAsync)
            .WithSummary("Invite an email to a role: a single-use token valid 7 days, shown once")
            .ProducesEnvelope<IssuedInvitation>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)
            .RequireCustomerPermission(Permissions.OrganizationWrite);
        active.MapDelete("/invitations/{invitationId}", RevokeInvitationAsync)
            .WithSummary("Revoke a pending invitation")
            .ProducesEnvelope<CustomerInvitation>()
            .ProducesErrors(StatusCodes.Status404NotFound)
            .RequireCustomerPermission(Permissions.OrganizationWrite);

        endpoints.MapPost("/v1/invitations/accept", AcceptAsync)
            .WithTags("Organisations")
            .WithSummary("Join an organisation with an invitation sent to the caller's email")
            .ProducesEnvelope<CustomerMember>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimitPolicies.CustomerApi)
            .RequireAccount();
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(CustomerNameRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens)
    {
        if (NameProblem(request.Name) is { } problem)
        {
            return ApiResults.ValidationFailed(context, [problem]);
        }

        var caller = context.RequireCaller();
        var owner = new MemberIdentity(caller.UserId!.Value, caller.Email!, caller.Name);
        var created = await grains.GetGrain<ICustomerGrain>(Guid.NewGuid())
            .Create(new CreateCustomer(request.Name!, owner, caller.Stamp(context, Roles.CustomerOwner)));
        if (created.Error is { } error)
        {
            return DomainRefusals.ToResult(context, error);
        }

        var customer = created.Value!;
        var account = await grains.GetGrain<IAccountGrain>(caller.Email!).ChooseActiveCustomer(customer.CustomerId);
        var access = caller.IsImpersonated || account.Value is null ? null : tokens.Issue(account.Value);
        return ApiResults.Success(context, new CreatedCustomer(customer, access?.Token, access?.ExpiresAt), StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListMineAsync(HttpContext context, MembershipDirectory memberships, CancellationToken cancellationToken)
    {
        var caller = context.RequireCaller();
        return ApiResults.Success(context, await memberships.ForUserAsync(caller.UserId!.Value, caller.ActiveCustomerId, cancellationToken));
    }

    private static async Task<IResult> GetAsync(HttpContext context, IGrainFactory grains)
    {
        var customer = CustomerContext.Of(context);
        var profile = await grains.GetGrain<ICustomerGrain>(customer.CustomerId).GetProfile();
        return profile is null
            ? DomainRefusals.ToResult(context, DomainErrors.CustomerNotFound)
            : ApiResults.Success(context, new ActiveCustomer(profile, customer.Member.Role, [.. RolePermissions.For(customer.Member.Role).Order(StringComparer.Ordinal)]));
    }

    private static async Task<IResult> RenameAsync(CustomerNameRequest request, HttpContext context, IGrainFactory grains)
    {
        if (NameProblem(request.Name) is { } problem)
        {
            return ApiResults.ValidationFailed(context, [problem]);
        }

        var customer = CustomerContext.Of(context);
        return DomainRefusals.Result(context, await grains.GetGrain<ICustomerGrain>(customer.CustomerId).Rename(new RenameCustomer(request.Name!, customer.Stamp(context))));
    }

    private static async Task<IResult> ListMembersAsync(HttpContext context, IGrainFactory grains) =>
        ApiResults.Success(context, await grains.GetGrain<ICustomerGrain>(CustomerContext.Of(context).CustomerId).ListMembers());

    private static async Task<IResult> ChangeRoleAsync(string userId, RoleRequest request, HttpContext context, IGrainFactory grains)
    {
        if (!Guid.TryParse(userId, out var memberId))
        {
            return DomainRefusals.ToResult(context, DomainErrors.MemberNotFound);
        }

        if (!Roles.IsCustomerRole(request.Role))
        {
            return ApiResults.ValidationFailed(context, [RoleProblem()]);
        }

        var customer = CustomerContext.Of(context);
        return DomainRefusals.Result(context, await grains.GetGrain<ICustomerGrain>(customer.CustomerId)
            .ChangeRole(new ChangeMemberRole(memberId, request.Role!, customer.Stamp(context))));
    }

    /// <summary>Owners remove anyone but the last owner; any member may leave.</summary>
    private static async Task<IResult> RemoveMemberAsync(string userId, HttpContext context, IGrainFactory grains)
    {
        var customer = CustomerContext.Of(context);
        if (!Guid.TryParse(userId, out var memberId))
        {
            return DomainRefusals.ToResult(context, DomainErrors.MemberNotFound);
        }

        if (memberId != customer.Member.UserId && !customer.Can(Permissions.OrganizationWrite))
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.PermissionDenied(Permissions.OrganizationWrite));
        }

        return DomainRefusals.Result(context, await grains.GetGrain<ICustomerGrain>(customer.CustomerId)
            .RemoveMember(new RemoveMember(memberId, customer.Stamp(context))), message: "Member removed.");
    }

    private static async Task<IResult> ListInvitationsAsync(HttpContext context, IGrainFactory grains) =>
        ApiResults.Success(context, await grains.GetGrain<ICustomerGrain>(CustomerContext.Of(context).CustomerId).ListInvitations());

    private static async Task<IResult> InviteAsync(InviteRequest request, HttpContext context, IGrainFactory grains)
    {
        var problems = new List<ApiErrorDetail>();
        if (!CredentialRules.IsEmail(request.Email))
        {
            problems.Add(new ApiErrorDetail("email", "A valid email address is required."));
        }

        if (!Roles.IsCustomerRole(request.Role))
        {
            problems.Add(RoleProblem());
        }

        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        var customer = CustomerContext.Of(context);
        return DomainRefusals.Result(
            context,
            await grains.GetGrain<ICustomerGrain>(customer.CustomerId).Invite(new InviteMember(request.Email!, request.Role!, customer.Stamp(context))),
            StatusCodes.Status201Created,
            "Send the token to the invitee; it works once, for 7 days, for that email's account.");
    }

    private static async Task<IResult> RevokeInvitationAsync(string invitationId, HttpContext context, IGrainFactory grains)
    {
        if (!Guid.TryParse(invitationId, out var id))
        {
            return DomainRefusals.ToResult(context, DomainErrors.InvitationNotFound);
        }

        var customer = CustomerContext.Of(context);
        return DomainRefusals.Result(context, await grains.GetGrain<ICustomerGrain>(customer.CustomerId)
            .RevokeInvitation(new RevokeInvitation(id, customer.Stamp(context))), message: "Invitation revoked.");
    }

    private static async Task<IResult> AcceptAsync(AcceptInvitationRequest request, HttpContext context, IGrainFactory grains)
    {
        if (!InvitationToken.TryParse(request.Token, out var customerId))
        {
            return DomainRefusals.ToResult(context, DomainErrors.InvitationInvalid);
        }

        var caller = context.RequireCaller();
        if (caller.IsImpersonated)
        {
            return ApiResults.Failure(context, StatusCodes.Status403Forbidden, AccessErrors.NotUnderImpersonation());
        }

        var user = new MemberIdentity(caller.UserId!.Value, caller.Email!, caller.Name);
        var accepted = await grains.GetGrain<ICustomerGrain>(customerId).AcceptInvitation(
            new AcceptInvitation(request.Token!, user, context.Connection.RemoteIpAddress?.ToString(), context.TraceIdentifier));
        return DomainRefusals.Result(context, accepted, message: "Welcome aboard. Switch to the organisation to act for it.");
    }

    private static ApiErrorDetail? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? new ApiErrorDetail("name", $"The organisation's name is required, at most {MaxNameLength} characters.")
            : null;

    private static ApiErrorDetail RoleProblem() =>
        new("role", $"The role must be one of {string.Join(", ", Roles.CustomerRoles)}.");
}
