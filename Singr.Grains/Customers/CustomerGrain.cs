using System.Security.Cryptography;
using System.Text;
using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Grains.Customers;

[GrainType("customer")]
public sealed class CustomerGrain([VersionedState("customer")] IVersionedState<CustomerState> state, TimeProvider timeProvider) : Grain, ICustomerGrain
{
    private CustomerState State
    {
        get => state.State;
        set => state.State = value;
    }

    /// <summary>TOKEN_EXPIRY.INVITATION of the Singr backend plan.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private bool Exists => State.CreatedAt != default;

    private Guid CustomerId => this.GetPrimaryKey();

    public async Task<Outcome<CustomerProfile>> Create(CreateCustomer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Exists)
        {
            return State.Members.TryGetValue(command.Owner.UserId, out var member) && member.Role == Roles.CustomerOwner
                ? Outcome.Ok(Profile())
                : Outcome.Refused<CustomerProfile>(DomainErrors.CustomerNotFound);
        }

        var now = timeProvider.GetUtcNow();
        State = new CustomerState { Name = command.Name.Trim(), CreatedAt = now };
        State.Members[command.Owner.UserId] = new MemberState
        {
            Email = command.Owner.Email,
            Name = command.Owner.Name,
            Role = Roles.CustomerOwner,
            JoinedAt = now,
        };
        await state.WriteAsync(rows =>
        {
            ProjectCustomer(rows);
            ProjectMember(rows, command.Owner.UserId);
            Audit(rows, command.Stamp, "customer.create", "customer", CustomerId.ToString("D"), before: null, Profile());
        });
        return Outcome.Ok(Profile());
    }

    public Task<CustomerProfile?> GetProfile() => Task.FromResult(Exists ? Profile() : null);

    public async Task<Outcome<CustomerProfile>> Rename(RenameCustomer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Exists)
        {
            return Outcome.Refused<CustomerProfile>(DomainErrors.CustomerNotFound);
        }

        var before = Profile();
        State.Name = command.Name.Trim();
        await state.WriteAsync(rows =>
        {
            ProjectCustomer(rows);
            Audit(rows, command.Stamp, "customer.rename", "customer", CustomerId.ToString("D"), before, Profile());
        });
        return Outcome.Ok(Profile());
    }

    public Task<CustomerMember?> GetMember(Guid userId) =>
        Task.FromResult(State.Members.TryGetValue(userId, out var member) ? Member(userId, member) : null);

    public Task<IReadOnlyList<CustomerMember>> ListMembers() =>
        Task.FromResult<IReadOnlyList<CustomerMember>>(
            [.. State.Members.Select(m => Member(m.Key, m.Value)).OrderBy(m => m.JoinedAt).ThenBy(m => m.Email, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<CustomerInvitation>> ListInvitations()
    {
        var now = timeProvider.GetUtcNow();
        return Task.FromResult<IReadOnlyList<CustomerInvitation>>(
            [.. State.Invitations.Where(i => i.Value.ExpiresAt > now).Select(i => Invitation(i.Key, i.Value)).OrderBy(i => i.ExpiresAt)]);
    }

    public async Task<Outcome<IssuedInvitation>> Invite(InviteMember command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Exists)
        {
            return Outcome.Refused<IssuedInvitation>(DomainErrors.CustomerNotFound);
        }

        if (!Roles.IsCustomerRole(command.Role))
        {
            return Outcome.Refused<IssuedInvitation>(DomainErrors.InvalidRole);
        }

        var email = AccountEmail.Normalize(command.Email);
        if (State.Members.Values.Any(m => m.Email == email))
        {
            return Outcome.Refused<IssuedInvitation>(DomainErrors.AlreadyMember);
        }

        var now = timeProvider.GetUtcNow();
        DropSpentInvitations(now, email);
        var token = InvitationToken.Compose(CustomerId);
        var invitationId = Guid.NewGuid();
        var invitation = new InvitationState
        {
            Email = email,
            Role = command.Role,
            TokenHash = Hash(token),
            InvitedBy = command.Stamp.ActingAsId ?? command.Stamp.ActorId,
            ExpiresAt = now + InvitationLifetime,
        };
        State.Invitations[invitationId] = invitation;
        var issued = Invitation(invitationId, invitation);
        var inviterName = State.Members.TryGetValue(invitation.InvitedBy, out var inviter) ? inviter.Name : command.Stamp.ActingAsEmail ?? command.Stamp.ActorEmail;
        await state.WriteAsync(rows =>
        {
            Audit(rows, command.Stamp, "member.invite", "invitation", invitationId.ToString("D"), before: null, issued);
            rows.Add(Outbox.EmailTo(email, MessageKinds.Invitation, new Dictionary<string, string>
            {
                [MessageValues.InviterName] = inviterName,
                [MessageValues.OrganisationName] = State.Name,
                [MessageValues.Role] = command.Role,
                [MessageValues.Token] = token,
            }));
        });
        return Outcome.Ok(new IssuedInvitation(issued, token));
    }

    public async Task<Outcome<CustomerInvitation>> RevokeInvitation(RevokeInvitation command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!State.Invitations.Remove(command.InvitationId, out var invitation))
        {
            return Outcome.Refused<CustomerInvitation>(DomainErrors.InvitationNotFound);
        }

        var revoked = Invitation(command.InvitationId, invitation);
        await state.WriteAsync(rows =>
        {
            Audit(rows, command.Stamp, "member.invitation.revoke", "invitation", command.InvitationId.ToString("D"), revoked, after: null);
        });
        return Outcome.Ok(revoked);
    }

    public async Task<Outcome<CustomerMember>> AcceptInvitation(AcceptInvitation command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var hash = Hash(command.Token ?? string.Empty);
        var now = timeProvider.GetUtcNow();
        var (invitationId, invitation) = State.Invitations.FirstOrDefault(i => i.Value.TokenHash == hash && i.Value.ExpiresAt > now);
        if (invitation is null)
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.InvitationInvalid);
        }

        if (invitation.Email != AccountEmail.Normalize(command.User.Email))
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.InvitationForAnotherEmail);
        }

        if (State.Members.ContainsKey(command.User.UserId))
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.AlreadyMember);
        }

        State.Invitations.Remove(invitationId);
        var member = new MemberState { Email = invitation.Email, Name = command.User.Name, Role = invitation.Role, JoinedAt = now };
        State.Members[command.User.UserId] = member;
        var joined = Member(command.User.UserId, member);
        var stamp = new AuditStamp(command.User.UserId, command.User.Email, null, null, invitation.Role, command.ClientAddress, command.RequestId);
        await state.WriteAsync(rows =>
        {
            ProjectMember(rows, command.User.UserId);
            Audit(rows, stamp, "member.join", "member", command.User.UserId.ToString("D"), before: null, joined);
        });
        return Outcome.Ok(joined);
    }

    public async Task<Outcome<CustomerMember>> ChangeRole(ChangeMemberRole command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!State.Members.TryGetValue(command.UserId, out var member))
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.MemberNotFound);
        }

        if (!Roles.IsCustomerRole(command.Role))
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.InvalidRole);
        }

        if (IsLastOwner(command.UserId) && command.Role != Roles.CustomerOwner)
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.LastOwner);
        }

        var before = Member(command.UserId, member);
        member.Role = command.Role;
        var after = Member(command.UserId, member);
        await state.WriteAsync(rows =>
        {
            ProjectMember(rows, command.UserId);
            Audit(rows, command.Stamp, "member.role.change", "member", command.UserId.ToString("D"), before, after);
        });
        return Outcome.Ok(after);
    }

    public async Task<Outcome<CustomerMember>> RemoveMember(RemoveMember command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!State.Members.TryGetValue(command.UserId, out var member))
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.MemberNotFound);
        }

        if (IsLastOwner(command.UserId))
        {
            return Outcome.Refused<CustomerMember>(DomainErrors.LastOwner);
        }

        var removed = Member(command.UserId, member);
        State.Members.Remove(command.UserId);
        await state.WriteAsync(rows =>
        {
            rows.Add(new CustomerMemberRemoved(CustomerId, command.UserId));
            Audit(rows, command.Stamp, "member.remove", "member", command.UserId.ToString("D"), removed, after: null);
        });
        return Outcome.Ok(removed);
    }

    private bool IsLastOwner(Guid userId) =>
        State.Members.TryGetValue(userId, out var member)
        && member.Role == Roles.CustomerOwner
        && State.Members.Values.Count(m => m.Role == Roles.CustomerOwner) == 1;

    /// <summary>Expired invitations, and an earlier one for the same email, which a new invitation replaces.</summary>
    private void DropSpentInvitations(DateTimeOffset now, string email)
    {
        foreach (var (id, invitation) in State.Invitations.ToList())
        {
            if (invitation.ExpiresAt <= now || invitation.Email == email)
            {
                State.Invitations.Remove(id);
            }
        }
    }

    private void ProjectCustomer(List<ISideRow> rows) =>
        rows.Add(new CustomerRow(CustomerId, State.Name, State.CreatedAt));

    private void ProjectMember(List<ISideRow> rows, Guid userId) =>
        rows.Add(new CustomerMemberRow(CustomerId, userId, State.Members[userId].Role, State.Members[userId].JoinedAt));

    private void Audit(List<ISideRow> rows, AuditStamp stamp, string action, string resourceType, string resourceId, object? before, object? after) =>
        rows.Add(new AuditRow(stamp, new AuditEntry(action, resourceType, resourceId, CustomerId, VenueId: null, before, after)));

    private CustomerProfile Profile() => new(CustomerId, State.Name, State.CreatedAt, State.Members.Count);

    private static CustomerMember Member(Guid userId, MemberState member) => new(userId, member.Email, member.Name, member.Role, member.JoinedAt);

    private static CustomerInvitation Invitation(Guid id, InvitationState invitation) =>
        new(id, invitation.Email, invitation.Role, invitation.InvitedBy, invitation.ExpiresAt);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
