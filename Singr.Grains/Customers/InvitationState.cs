namespace Singr.Grains.Customers;

public sealed class InvitationState
{
    public string Email { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string TokenHash { get; set; } = string.Empty;

    public Guid InvitedBy { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
