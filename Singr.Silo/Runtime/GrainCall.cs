using System.Collections.Concurrent;
using System.Reflection;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>One call of a grain interface method: what a reference sends, whether the grain runs here or on another silo.</summary>
internal sealed record GrainCall(GrainId GrainId, MethodInfo Method, object?[] Arguments)
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo> ResultProperties = new();

    /// <summary>The type the method's task completes with, or null for a plain <see cref="Task"/>.</summary>
    public Type? ResultType => ResultTypeOf(Method);

    public static Type? ResultTypeOf(MethodInfo method) =>
        method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;

    /// <summary>Runs the method on the grain and returns its result boxed (null for a plain task).</summary>
    public async Task<object?> RunAsync(Grain grain)
    {
        var task = (Task)Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, Arguments, culture: null)!;
        await task;
        var resultType = ResultType;
        if (resultType is null)
        {
            return null;
        }

        var result = ResultProperties.GetOrAdd(resultType, t => typeof(Task<>).MakeGenericType(t).GetProperty(nameof(Task<object>.Result))!);
        return result.GetValue(task);
    }
}
