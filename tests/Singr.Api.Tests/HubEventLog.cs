using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// The events one hub connection received, in arrival order, and waiting on them. A client that learns it missed an
/// event (one it could not record) reports it with <see cref="Fail"/>: from then on every read fails the test, so an
/// assertion that something did not arrive cannot pass because it was never recorded.
/// </summary>
internal sealed class HubEventLog : IHubEvents
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly List<HubEvent> _events = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _problem;

    /// <summary>Every event received so far, in arrival order.</summary>
    public IReadOnlyList<HubEvent> Events
    {
        get
        {
            lock (_events)
            {
                ThrowIfFailed();
                return [.. _events];
            }
        }
    }

    public void Add(HubEvent received)
    {
        lock (_events)
        {
            _events.Add(received);
            Signal();
        }
    }

    /// <summary>Records that the connection received something it could not record.</summary>
    public void Fail(string problem)
    {
        lock (_events)
        {
            _problem ??= problem;
            Signal();
        }
    }

    /// <summary>The first event (from the start of the connection) for <paramref name="target"/> that matches.</summary>
    public async Task<HubEvent> WaitForAsync(string target, Func<JsonElement, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var within = timeout ?? DefaultWait;
        HubEvent? found = null;
        await UntilAsync(
            events => (found = events.FirstOrDefault(e => e.Target == target && (predicate is null || predicate(e.Payload)))) is not null,
            within,
            $"a {target} event");
        return found!;
    }

    /// <summary>Waits until the events received satisfy <paramref name="condition"/>.</summary>
    public async Task UntilAsync(Func<IReadOnlyList<HubEvent>, bool> condition, TimeSpan within, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            Task arrived;
            lock (_events)
            {
                ThrowIfFailed();
                if (condition(_events))
                {
                    return;
                }

                arrived = _arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No {what} within {within}; received: {Describe(Events)}");
            }

            await Task.WhenAny(arrived, Task.Delay(left));
        }
    }

    public static string Describe(IEnumerable<HubEvent> events)
    {
        var list = events.ToList();
        return list.Count == 0 ? "nothing" : string.Join("; ", list.TakeLast(12).Select(e => $"{e.Target}#{e.Seq}")) + $" ({list.Count} in all)";
    }

    private void Signal()
    {
        _arrived.TrySetResult();
        _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void ThrowIfFailed()
    {
        if (_problem is not null)
        {
            throw new InvalidOperationException($"The hub client missed an event: {_problem}");
        }
    }
}
