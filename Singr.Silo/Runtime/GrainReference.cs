using System.Collections.Concurrent;
using System.Reflection;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>
/// The object behind a grain interface handed out by the grain factory: every method call becomes a <see cref="GrainCall"/>
/// routed to wherever the grain lives. Must stay non-sealed with a public constructor: <see cref="DispatchProxy"/> derives from it.
/// </summary>
#pragma warning disable CA1852
internal class GrainReference : DispatchProxy
#pragma warning restore CA1852
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainCallRouter, GrainCall, object>> Dispatchers = new();
    private static readonly MethodInfo RouteTypedMethod =
        typeof(GrainReference).GetMethod(nameof(RouteTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private GrainCallRouter? _router;

    public GrainId GrainId { get; private set; }

    public static TGrainInterface Create<TGrainInterface>(GrainCallRouter router, GrainId grainId)
    {
        var proxy = Create<TGrainInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference._router = router;
        reference.GrainId = grainId;
        return proxy;
    }

    public override string ToString() => $"GrainReference({GrainId})";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType == typeof(object))
        {
            return targetMethod.Invoke(this, args);
        }

        var dispatcher = Dispatchers.GetOrAdd(targetMethod, CreateDispatcher);
        return dispatcher(_router!, new GrainCall(GrainId, targetMethod, args ?? []));
    }

    private static Func<GrainCallRouter, GrainCall, object> CreateDispatcher(MethodInfo method)
    {
        var resultType = GrainCall.ResultTypeOf(method);
        if (resultType is null)
        {
            return (router, call) => router.CallAsync(call, CancellationToken.None);
        }

        // Task<TResult> is a reference type, so the typed method binds to a delegate returning object: no reflection per call.
        return RouteTypedMethod.MakeGenericMethod(resultType).CreateDelegate<Func<GrainCallRouter, GrainCall, object>>();
    }

    private static async Task<TResult> RouteTyped<TResult>(GrainCallRouter router, GrainCall call) =>
        (TResult)(await router.CallAsync(call, CancellationToken.None))!;
}
