using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Singr.Api.Http;

namespace Singr.Api.Hubs;

/// <summary>
/// Hub arguments holding text Singr cannot store (<see cref="StorableText"/>) are refused with <c>VALIDATION_ERROR</c>
/// naming the argument, before the hub method runs: strings, and the text fields of an object argument.
/// </summary>
public sealed class StorableTextHubFilter : IHubFilter
{
    /// <summary>The text fields of each argument type, found once: hub calls (a player's report every few seconds) are a hot path.</summary>
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> TextFields = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < invocationContext.HubMethodArguments.Count && i < parameters.Length; i++)
        {
            if (UnstorableField(invocationContext.HubMethodArguments[i], parameters[i].Name ?? $"argument {i + 1}") is { } field)
            {
                throw HubErrors.Refused("VALIDATION_ERROR", $"{field}: {StorableText.Problem}");
            }
        }

        return next(invocationContext);
    }

    private static string? UnstorableField(object? argument, string name) => argument switch
    {
        string text => StorableText.IsStorable(text) ? null : name,
        null or ValueType => null,
        _ => TextFields.GetOrAdd(argument.GetType(), type => [.. type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)])
            .FirstOrDefault(p => p.GetValue(argument) is string text && !StorableText.IsStorable(text)) is { } property
                ? $"{name}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}"
                : null,
    };
}
