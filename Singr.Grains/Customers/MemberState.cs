namespace Singr.Grains.Customers;

public sealed class MemberState
{
    public string Email { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public DateTimeOffset JoinedAt { get; set; }
}
