using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Singr.Grains.Persistence;

namespace Singr.Silo.Storage;

/// <summary>
/// Fills a grain constructor's <c>[VersionedState("name")] IVersionedState&lt;TState&gt;</c> parameter, the way Orleans
/// fills <c>[PersistentState]</c>: one <see cref="VersionedState{TState}"/> per activation, read before it activates.
/// </summary>
internal sealed class VersionedStateAttributeMapper : IAttributeToFactoryMapper<VersionedStateAttribute>
{
    private static readonly MethodInfo CreateMethod =
        typeof(VersionedStateAttributeMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, VersionedStateAttribute metadata)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(metadata);
        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IVersionedState<>))
        {
            throw new ArgumentException(
                $"[VersionedState] on '{parameter.Name}' of {parameter.Member.DeclaringType} needs a parameter of type IVersionedState<TState>.",
                nameof(parameter));
        }

        var create = CreateMethod.MakeGenericMethod(parameter.ParameterType.GetGenericArguments());
        var stateName = metadata.StateName;
        return context => create.Invoke(null, [context, stateName])!;
    }

    private static VersionedState<TState> Create<TState>(IGrainContext context, string stateName)
        where TState : class, new()
    {
        var services = context.ActivationServices;
        var state = new VersionedState<TState>(
            GrainStateKey.For(stateName, context.GrainId),
            context,
            services.GetRequiredService<GrainStateStore>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Singr.Silo.Storage.VersionedState"));
        state.Participate(context.ObservableLifecycle);
        return state;
    }
}
