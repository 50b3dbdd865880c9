using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>One migrated test database shared by the tests of a class.</summary>
public sealed class ApiDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
