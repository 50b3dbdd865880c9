namespace Singr.Api.Tests;

/// <summary>A hub connection's received events, in arrival order: what the .NET client and the raw client both record.</summary>
internal interface IHubEvents
{
    IReadOnlyList<HubEvent> Events { get; }
}
