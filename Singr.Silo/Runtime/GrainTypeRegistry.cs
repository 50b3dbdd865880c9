using System.Reflection;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>Which grain class implements which grain interface, and the stable type name each is stored under.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, Type> _classByInterface = [];
    private readonly Dictionary<string, Type> _classByTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Interface, string Method), MethodInfo> _methods = [];

    public GrainTypeRegistry AddGrain<TGrainInterface, TGrain>()
        where TGrainInterface : IGrain
        where TGrain : Grain, TGrainInterface =>
        AddGrainClass(typeof(TGrain));

    /// <summary>Registers every concrete grain class of the assembly under each grain interface it implements.</summary>
    public GrainTypeRegistry AddGrainsFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Grain))))
        {
            AddGrainClass(type);
        }

        return this;
    }

    public static string TypeNameOf(Type grainClass)
    {
        ArgumentNullException.ThrowIfNull(grainClass);
        var attribute = grainClass.GetCustomAttribute<GrainTypeAttribute>();
        if (attribute is not null)
        {
            return attribute.Name;
        }

        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    /// <summary>A method's name with its parameter types: unique within an interface even with overloads.</summary>
    internal static string MethodIdOf(MethodInfo method) =>
        $"{method.Name}({string.Join(',', method.GetParameters().Select(p => p.ParameterType.FullName))})";

    internal MethodInfo ResolveMethod(string interfaceName, string methodId) =>
        _methods.TryGetValue((interfaceName, methodId), out var method)
            ? method
            : throw new InvalidOperationException($"No registered grain interface {interfaceName} has a method {methodId}.");

    internal string TypeNameFor(Type grainInterface) =>
        _classByInterface.TryGetValue(grainInterface, out var grainClass)
            ? TypeNameOf(grainClass)
            : throw new InvalidOperationException($"No grain class is registered for {grainInterface.Name}.");

    internal Type ClassOf(string typeName) =>
        _classByTypeName.TryGetValue(typeName, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class is registered under the type name '{typeName}'.");

    private GrainTypeRegistry AddGrainClass(Type grainClass)
    {
        var typeName = TypeNameOf(grainClass);
        if (_classByTypeName.TryGetValue(typeName, out var other) && other != grainClass)
        {
            throw new InvalidOperationException($"{grainClass.Name} and {other.Name} share the grain type name '{typeName}'.");
        }

        _classByTypeName[typeName] = grainClass;
        foreach (var grainInterface in grainClass.GetInterfaces().Where(IsCallableGrainInterface))
        {
            EnsureMethodsAreAsync(grainInterface);
            foreach (var method in grainInterface.GetMethods())
            {
                _methods[(grainInterface.FullName!, MethodIdOf(method))] = method;
            }

            // IRemindable is implemented by many grains; references are never obtained through it.
            if (grainInterface == typeof(IRemindable))
            {
                continue;
            }

            if (_classByInterface.TryGetValue(grainInterface, out var existing) && existing != grainClass)
            {
                throw new InvalidOperationException($"{grainInterface.Name} is implemented by both {existing.Name} and {grainClass.Name}.");
            }

            _classByInterface[grainInterface] = grainClass;
        }

        return this;
    }

    private static bool IsCallableGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type)
        && type != typeof(IGrain)
        && type != typeof(IGrainWithStringKey)
        && type != typeof(IGrainWithGuidKey);

    private static void EnsureMethodsAreAsync(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods())
        {
            var returns = method.ReturnType;
            var isTask = returns == typeof(Task) || (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>));
            if (!isTask)
            {
                throw new InvalidOperationException(
                    $"{grainInterface.Name}.{method.Name} must return Task or Task<T>: grain calls are asynchronous.");
            }
        }
    }
}
