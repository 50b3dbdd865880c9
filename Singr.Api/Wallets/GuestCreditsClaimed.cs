using Singr.Grains.Interfaces.Wallets;

namespace Singr.Api.Wallets;

/// <summary>The credits that came over from this device's guest session, and the account's balance now.</summary>
public sealed record GuestCreditsClaimed(int Moved, DateTimeOffset MovedAt, WalletBalance Balance);
