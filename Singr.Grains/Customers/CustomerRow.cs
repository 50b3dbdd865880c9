using Singr.Grains.Persistence;

namespace Singr.Grains.Customers;

/// <summary>The <c>customers</c> projection of an organisation.</summary>
public sealed record CustomerRow(Guid CustomerId, string Name, DateTimeOffset CreatedAt) : ISideRow;
