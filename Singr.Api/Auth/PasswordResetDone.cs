namespace Singr.Api.Auth;

/// <summary>The password changed; every session started before it has ended (sign in again with the new password).</summary>
public sealed record PasswordResetDone(bool PasswordChanged, bool SessionsEnded);
