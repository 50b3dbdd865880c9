namespace Singr.Api.Auth;

public sealed record SignOutResult(bool SignedOut);
