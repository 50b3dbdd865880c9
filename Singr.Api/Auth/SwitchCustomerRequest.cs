namespace Singr.Api.Auth;

public sealed record SwitchCustomerRequest(Guid? CustomerId);
