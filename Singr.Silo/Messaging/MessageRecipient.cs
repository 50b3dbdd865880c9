namespace Singr.Silo.Messaging;

/// <summary>What the worker knows of an account when it sends: its addresses, and its choice for the message's preference on the message's channel (null: not chosen).</summary>
public sealed record MessageRecipient(string Email, string? Phone, bool? ChannelChosen);
