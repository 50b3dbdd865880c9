using System.Collections.Concurrent;
using Singr.Silo.Messaging;

namespace Singr.Api.Tests;

/// <summary>
/// An email provider a test scripts: it fails the first <see cref="FailuresLeft"/> sends, can hang once it has
/// delivered (a worker killed mid-send), and otherwise hands the email to <paramref name="inner"/> (or just records it).
/// </summary>
internal sealed class ScriptedEmailProvider(TimeProvider clock, IEmailProvider? inner = null) : IEmailProvider
{
    private int _inFlight;

    public int FailuresLeft { get; set; }

    /// <summary>After delivering, never return: the worker holding it is as good as dead.</summary>
    public bool HangAfterDelivering { get; set; }

    public TimeSpan Delay { get; set; }

    /// <summary>When each attempt reached the provider (the test clock's time), failed or not.</summary>
    public ConcurrentQueue<DateTimeOffset> Attempts { get; } = new();

    public ConcurrentQueue<OutgoingEmail> Delivered { get; } = new();

    public int MostAtOnce { get; private set; }

    public async Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(clock.GetUtcNow());
        var inFlight = Interlocked.Increment(ref _inFlight);
        lock (Attempts)
        {
            MostAtOnce = Math.Max(MostAtOnce, inFlight);
        }

        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, CancellationToken.None);
            }

            lock (Attempts)
            {
                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new InvalidOperationException("The provider is unavailable (scripted failure).");
                }
            }

            var id = inner is null ? null : await inner.SendAsync(email, cancellationToken);
            Delivered.Enqueue(email);
            if (HangAfterDelivering)
            {
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            }

            return id;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
