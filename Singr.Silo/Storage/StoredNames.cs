using System.Text.Json.Serialization.Metadata;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Silo.Storage;

/// <summary>
/// Fields renamed in code after their state was first stored keep their stored names, so rows written by any release
/// read back in any other (a rolling upgrade and its rollback both read the other's venue state). Only the grain state
/// serializer uses this: the wire has the new names.
/// </summary>
internal static class StoredNames
{
    private static readonly Dictionary<Type, Dictionary<string, string>> ByType = new()
    {
        [typeof(QueueEntry)] = new()
        {
            ["submittedByUserId"] = "patronUserId",
            ["requestedBy"] = "requestedByName",
            ["requestedAt"] = "createdAt",
        },
        [typeof(QueueItem)] = new()
        {
            ["requestedBy"] = "requestedByName",
            ["requestedAt"] = "createdAt",
        },
    };

    public static void Apply(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!ByType.TryGetValue(typeInfo.Type, out var stored))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (stored.TryGetValue(property.Name, out var name))
            {
                property.Name = name;
            }
        }
    }
}
