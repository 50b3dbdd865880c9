using System.Collections.Concurrent;
using System.Reflection;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>
/// The object behind a grain interface handed out by the grain factory: every method call becomes a <see cref="GrainCall"/>.
/// Must stay non-sealed with a public constructor: <see cref="DispatchProxy"/> derives from it.
/// </summary>
#pragma warning disable CA1852
internal class GrainReference : DispatchProxy
#pragma warning restore CA1852
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<SiloRuntime, GrainCall, object>> Dispatchers = new();
    private static readonly MethodInfo InvokeTypedMethod =
        typeof(GrainReference).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private SiloRuntime? _runtime;

    public GrainId GrainId { get; private set; }

    public static TGrainInterface Create<TGrainInterface>(SiloRuntime runtime, GrainId grainId)
    {
        var proxy = Create<TGrainInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference._runtime = runtime;
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
        return dispatcher(_runtime!, new GrainCall(GrainId, targetMethod, args ?? []));
    }

    private static Func<SiloRuntime, GrainCall, object> CreateDispatcher(MethodInfo method)
    {
        if (method.ReturnType == typeof(Task))
        {
            return (runtime, call) => runtime.InvokeAsync<object?>(call, CancellationToken.None);
        }

        var resultType = method.ReturnType.GetGenericArguments()[0];
        var typed = InvokeTypedMethod.MakeGenericMethod(resultType);
        return (runtime, call) => typed.Invoke(null, [runtime, call])!;
    }

    private static Task<TResult> InvokeTyped<TResult>(SiloRuntime runtime, GrainCall call) =>
        runtime.InvokeAsync<TResult>(call, CancellationToken.None);
}
