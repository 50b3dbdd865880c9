namespace Singr.Testing;

/// <summary>Waits for something asynchronous to become true; throws <see cref="TimeoutException"/> when it does not in time.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string? because = null) =>
        TrueAsync(() => Task.FromResult(condition()), within, because);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {within}{(because is null ? "" : ": " + because)}.");
            }

            await Task.Delay(20);
        }
    }
}
