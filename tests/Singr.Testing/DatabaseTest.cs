using Xunit;

namespace Singr.Testing;

/// <summary>A test class with a fresh database of its own for each test (migrated unless asked not to), dropped afterwards.</summary>
public abstract class DatabaseTest(bool migrate = true) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(migrate);
        await SetUpAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await TearDownAsync();
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }

    protected virtual Task SetUpAsync() => Task.CompletedTask;

    protected virtual Task TearDownAsync() => Task.CompletedTask;
}
