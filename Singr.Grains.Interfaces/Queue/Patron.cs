namespace Singr.Grains.Interfaces.Queue;

/// <summary>Who a request is for.</summary>
/// <param name="Key">Stable per person: <c>user:{id}</c> or <c>guest:{id}</c>; limits and duplicates count by it.</param>
/// <param name="UserId">Set for accounts: whose wallet pays. Guests have none, so they cannot pay.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.Patron")]
public sealed record Patron([property: Id(0)] string Key, [property: Id(1)] Guid? UserId, [property: Id(2)] string DisplayName)
{
    public static string KeyOfAccount(Guid userId) => $"user:{userId}";

    public static string KeyOfGuest(string subject) => $"guest:{subject}";
}
