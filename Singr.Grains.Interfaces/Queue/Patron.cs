namespace Singr.Grains.Interfaces.Queue;

/// <summary>Who a request is for.</summary>
/// <param name="Key">Stable per person: <c>user:{id}</c> or <c>guest:{id}</c>; limits and duplicates count by it.</param>
/// <param name="UserId">Set for accounts: tiers, singer profiles and, unless <paramref name="WalletId"/> says otherwise, the wallet.</param>
/// <param name="WalletId">A guest's own wallet (bound to that device's guest identity), so a kiosk that bought credits can spend them.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.Patron")]
public sealed record Patron(
    [property: Id(0)] string Key,
    [property: Id(1)] Guid? UserId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Guid? WalletId = null)
{
    /// <summary>Whose wallet pays for the patron's requests: the guest's own, or the account's; none for a host's name.</summary>
    public Guid? PaysFrom => WalletId ?? UserId;

    public static string KeyOfAccount(Guid userId) => $"user:{userId}";

    public static string KeyOfGuest(string subject) => $"guest:{subject}";

    /// <summary>
    /// The patron a host requests for by name (a table, a singer without a phone): the same name, in any case, is the
    /// same patron, so duplicates and limits count for them as for anyone.
    /// </summary>
    public static Patron OnBehalfOf(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Patron($"host-for:{name.Trim().ToUpperInvariant()}", null, name.Trim());
    }
}
