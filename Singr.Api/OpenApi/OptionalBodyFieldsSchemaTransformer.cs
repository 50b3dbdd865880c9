using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Singr.Api.OpenApi;

/// <summary>
/// In a request body, a field whose type is nullable may be left out (partial updates, optional settings), although
/// the generator marks every record constructor parameter required. Response fields are always sent, so they stay
/// required. Request bodies are the types the API's handlers bind from the body, and the types they hold.
/// </summary>
public sealed class OptionalBodyFieldsSchemaTransformer(IApiDescriptionGroupCollectionProvider descriptions) : IOpenApiSchemaTransformer
{
    private readonly Lazy<HashSet<Type>> _bodyTypes = new(() => BodyTypes(descriptions));

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Required is not { Count: > 0 } || !_bodyTypes.Value.Contains(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is PropertyInfo clr
                && (Nullable.GetUnderlyingType(clr.PropertyType) is not null || nullability.Create(clr).ReadState == NullabilityState.Nullable))
            {
                schema.Required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static HashSet<Type> BodyTypes(IApiDescriptionGroupCollectionProvider descriptions)
    {
        var types = new HashSet<Type>();
        var pending = new Queue<Type>(descriptions.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Body && p.Type is not null)
            .Select(p => p.Type!));
        while (pending.TryDequeue(out var type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.IsGenericType ? type.GetGenericArguments().LastOrDefault() ?? type : type;
            if (element.Namespace?.StartsWith("Singr", StringComparison.Ordinal) != true || !types.Add(element))
            {
                continue;
            }

            foreach (var property in element.GetProperties())
            {
                pending.Enqueue(property.PropertyType);
            }
        }

        return types;
    }
}
