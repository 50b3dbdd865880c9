namespace Singr.Api.Auth;

/// <summary>
/// The answer to a request for an emailed link, the same whether or not an account uses the email: nothing tells a
/// caller which emails are registered.
/// </summary>
public sealed record RequestAccepted(bool Accepted);
