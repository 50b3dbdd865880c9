namespace Singr.Grains.Customers;

public sealed class CustomerState
{
    public string Name { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public Dictionary<Guid, MemberState> Members { get; set; } = [];

    public Dictionary<Guid, InvitationState> Invitations { get; set; } = [];
}
