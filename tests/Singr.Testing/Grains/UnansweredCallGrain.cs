using System.Reflection;

namespace Singr.Testing.Grains;

[GrainType("test-unanswered-call")]
public sealed class UnansweredCallGrain : Grain, IUnansweredCallGrain
{
    private readonly Dictionary<string, int> _calls = [];

    public Task<int> RejectedFirst(int times) =>
        Answer(nameof(RejectedFirst), times, Rejection);

    public Task<int> TimedOutFirst(int times) =>
        Answer(nameof(TimedOutFirst), times, () => new TimeoutException("Response did not arrive on time"));

    public Task<int> IdempotentTimedOutFirst(int times) =>
        Answer(nameof(IdempotentTimedOutFirst), times, () => new TimeoutException("Response did not arrive on time"));

    /// <summary>Only Orleans makes rejections (its constructor is internal); this one is what a stopping silo sends.</summary>
    private static Exception Rejection() => (Exception)Activator.CreateInstance(
        typeof(OrleansMessageRejectionException), BindingFlags.Instance | BindingFlags.NonPublic, binder: null, ["Silo stopping"], culture: null)!;

    private Task<int> Answer(string method, int failures, Func<Exception> failure)
    {
        var calls = _calls[method] = _calls.GetValueOrDefault(method) + 1;
        return calls <= failures ? Task.FromException<int>(failure()) : Task.FromResult(calls);
    }
}
