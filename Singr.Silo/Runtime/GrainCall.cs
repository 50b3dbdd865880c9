using System.Reflection;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>One call of a grain interface method: what a reference sends, whether the grain is local or (later) remote.</summary>
internal sealed record GrainCall(GrainId GrainId, MethodInfo Method, object?[] Arguments)
{
    public Task Run(Grain grain) =>
        (Task)Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, Arguments, culture: null)!;
}
