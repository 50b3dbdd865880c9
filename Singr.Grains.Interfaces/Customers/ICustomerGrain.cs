using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Customers;

/// <summary>
/// A customer organisation (a bar group, a KJ company): its name, members with their roles, and pending invitations.
/// It is the authority on who may act for the organisation; the <c>customers</c> and <c>customer_members</c> tables
/// are projections it writes in the same transaction.
/// </summary>
[Alias("singr.customers.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithGuidKey
{
    /// <summary>Creates the organisation with its first owner. Repeating it for the same owner returns the same profile.</summary>
    [Alias("Create")]
    Task<Outcome<CustomerProfile>> Create(CreateCustomer command);

    [Idempotent]
    [Alias("GetProfile")]
    Task<CustomerProfile?> GetProfile();

    [Alias("Rename")]
    Task<Outcome<CustomerProfile>> Rename(RenameCustomer command);

    /// <returns>The member, or null when the user is not (or no longer) a member, or the organisation does not exist.</returns>
    [Idempotent]
    [Alias("GetMember")]
    Task<CustomerMember?> GetMember(Guid userId);

    [Idempotent]
    [Alias("ListMembers")]
    Task<IReadOnlyList<CustomerMember>> ListMembers();

    [Idempotent]
    [Alias("ListInvitations")]
    Task<IReadOnlyList<CustomerInvitation>> ListInvitations();

    /// <summary>Invites an email to a role for 7 days. A new invitation for the same email replaces the pending one.</summary>
    [Alias("Invite")]
    Task<Outcome<IssuedInvitation>> Invite(InviteMember command);

    [Alias("RevokeInvitation")]
    Task<Outcome<CustomerInvitation>> RevokeInvitation(RevokeInvitation command);

    /// <summary>Single use: the token's invitation is spent by the first acceptance of the invited email's account.</summary>
    [Alias("AcceptInvitation")]
    Task<Outcome<CustomerMember>> AcceptInvitation(AcceptInvitation command);

    [Alias("ChangeRole")]
    Task<Outcome<CustomerMember>> ChangeRole(ChangeMemberRole command);

    [Alias("RemoveMember")]
    Task<Outcome<CustomerMember>> RemoveMember(RemoveMember command);
}
