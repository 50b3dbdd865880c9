using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Singr.Silo.Cluster;
using Singr.Silo.Grains;
using Singr.Silo.Runtime;
using Singr.Silo.Storage;

namespace Singr.Silo.Forwarding;

/// <summary>Turns grain calls, results and exceptions into JSON for another silo, and back.</summary>
internal sealed class GrainCallCodec(GrainTypeRegistry registry)
{
    private static readonly ConcurrentDictionary<string, Type?> ExceptionTypes = new();
    private readonly JsonSerializerOptions _json = GrainStateSerializer.Options;

    public ForwardedGrainCall Encode(GrainCall call, int hops, Guid? excludedSilo)
    {
        var parameters = call.Method.GetParameters();
        var arguments = new JsonElement[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = JsonSerializer.SerializeToElement(call.Arguments[i], parameters[i].ParameterType, _json);
        }

        return new ForwardedGrainCall(
            call.GrainId.Type,
            call.GrainId.Key,
            call.Method.DeclaringType!.FullName!,
            GrainTypeRegistry.MethodIdOf(call.Method),
            arguments,
            hops,
            excludedSilo);
    }

    public GrainCall Decode(ForwardedGrainCall forwarded)
    {
        var method = registry.ResolveMethod(forwarded.Interface, forwarded.Method);
        var parameters = method.GetParameters();
        if (parameters.Length != forwarded.Arguments.Count)
        {
            throw new ArgumentException($"{forwarded.Method} takes {parameters.Length} arguments, {forwarded.Arguments.Count} were sent.");
        }

        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = forwarded.Arguments[i].Deserialize(parameters[i].ParameterType, _json);
        }

        return new GrainCall(new GrainId(forwarded.GrainType, forwarded.GrainKey), method, arguments);
    }

    public JsonElement? EncodeResult(GrainCall call, object? result) =>
        call.ResultType is { } type ? JsonSerializer.SerializeToElement(result, type, _json) : null;

    public object? DecodeResult(GrainCall call, JsonElement? result) =>
        call.ResultType is { } type && result is { } json ? json.Deserialize(type, _json) : null;

    public static RemoteGrainError EncodeError(Exception exception) => exception switch
    {
        GrainTransientException => new("transient", exception.GetType().FullName!, exception.Message),
        SiloUnavailableException or SiloFencedException or SiloUnreachableException =>
            new("unavailable", exception.GetType().FullName!, exception.Message),
        TimeoutException => new("timeout", exception.GetType().FullName!, exception.Message),
        RemoteGrainException remote => new("application", remote.ExceptionType, remote.Message),
        _ => new("application", exception.GetType().FullName!, exception.Message),
    };

    public static Exception DecodeError(GrainId grainId, SiloEndpoint from, RemoteGrainError error) => error.Kind switch
    {
        "transient" => new GrainTransientException(grainId, error.Message),
        "unavailable" => new SiloUnreachableException(from, error.Message),
        "timeout" => new TimeoutException(error.Message),
        _ => Recreate(error),
    };

    private static Exception Recreate(RemoteGrainError error)
    {
        var type = ExceptionTypes.GetOrAdd(error.Type, FindExceptionType);
        if (type?.GetConstructor([typeof(string)]) is { } constructor)
        {
            return (Exception)constructor.Invoke([error.Message]);
        }

        return new RemoteGrainException(error.Type, error.Message);
    }

    private static Type? FindExceptionType(string name) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(name, throwOnError: false))
            .FirstOrDefault(type => type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract);
}
