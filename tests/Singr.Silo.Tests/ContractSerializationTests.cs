using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Singr.Grains.Interfaces.Access;
using Xunit;

namespace Singr.Silo.Tests;

/// <summary>
/// The grain contracts of <c>Singr.Grains.Interfaces</c> against Orleans's own serializer and deep copier: every
/// <see cref="GenerateSerializerAttribute"/> type comes back with the values it went out with, and every type a grain
/// method takes or returns is one Orleans can serialize, so a new contract cannot forget its annotations.
/// </summary>
public sealed class ContractSerializationTests
{
    private static readonly Assembly Contracts = typeof(Outcome<>).Assembly;

    /// <summary>The web API's JSON: records holding lists do not compare equal by value, their JSON text does.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Types Orleans serializes out of the box that contracts may use as members, parameters or results.</summary>
    private static readonly HashSet<Type> BuiltInLeafTypes =
    [
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string),
        typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly),
        typeof(Uri),
    ];

    /// <summary>
    /// Collection shapes Orleans serializes whatever their elements are (the elements are checked too). Lazy
    /// <see cref="IEnumerable{T}"/> is deliberately absent: a LINQ iterator cannot cross a grain call.
    /// </summary>
    private static readonly HashSet<Type> BuiltInCollections =
    [
        typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>), typeof(List<>),
        typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>), typeof(Dictionary<,>),
        typeof(IReadOnlySet<>), typeof(ISet<>), typeof(HashSet<>),
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableDictionary<,>), typeof(ImmutableHashSet<>),
        typeof(KeyValuePair<,>),
    ];

    /// <summary>
    /// One serializer for the class: building Orleans's codecs for the contracts assembly takes a while, and xunit makes a
    /// new instance of this class for each of its few hundred cases. The serializer and copier are thread-safe.
    /// </summary>
    private static readonly Lazy<ServiceProvider> Services = new(
        () => new ServiceCollection().AddSerializer(builder => builder.AddAssembly(Contracts)).BuildServiceProvider(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Serializer _serializer = Services.Value.GetRequiredService<Serializer>();
    private readonly DeepCopier _copier = Services.Value.GetRequiredService<DeepCopier>();

    public static TheoryData<Type> SerializableContracts()
    {
        var data = new TheoryData<Type>();
        foreach (var type in ClosedSerializableTypes())
        {
            data.Add(type);
        }

        return data;
    }

    public static TheoryData<Type, string> WellKnownInstances()
    {
        var data = new TheoryData<Type, string>();
        foreach (var type in ClosedSerializableTypes().Where(t => !t.IsGenericType))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type))
            {
                data.Add(type, property.Name);
            }
        }

        return data;
    }

    [Fact]
    public void The_contracts_assembly_has_serializable_types_and_grain_interfaces()
    {
        Assert.True(ClosedSerializableTypes().Count > 10);
        Assert.True(GrainInterfaces().Count() > 5);
        Assert.True(
            ClosedSerializableTypes().Count(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Outcome<>)) >= 2,
            "Outcome<T> is tested closed over the types grain methods return it with.");
    }

    [Theory]
    [MemberData(nameof(SerializableContracts))]
    public void A_sample_with_every_member_set_round_trips_through_the_serializer(Type type)
    {
        var original = new SampleBuilder().Full(type);
        AssertEveryMemberIsSet(original, type, type.Name);

        var copy = Invoke(nameof(SerializerRoundTrip), type, original);

        AssertSameValue(type, original, copy);
    }

    [Theory]
    [MemberData(nameof(SerializableContracts))]
    public void A_sample_with_every_member_set_survives_a_deep_copy(Type type)
    {
        var original = new SampleBuilder().Full(type);

        var copy = Invoke(nameof(DeepCopy), type, original);

        AssertSameValue(type, original, copy);
        if (IsDeclaredImmutable(type))
        {
            Assert.Same(original, copy);
        }
        else if (!type.IsValueType)
        {
            Assert.NotSame(original, copy);
        }
    }

    [Theory]
    [MemberData(nameof(SerializableContracts))]
    public void A_sample_with_nullable_members_null_and_optional_parameters_defaulted_round_trips(Type type)
    {
        var original = new SampleBuilder().Sparse(type);

        AssertSameValue(type, original, Invoke(nameof(SerializerRoundTrip), type, original));
        AssertSameValue(type, original, Invoke(nameof(DeepCopy), type, original));
    }

    [Theory]
    [MemberData(nameof(WellKnownInstances))]
    public void A_well_known_instance_round_trips(Type type, string property)
    {
        var original = type.GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);

        AssertSameValue(type, original, Invoke(nameof(SerializerRoundTrip), type, original));
        AssertSameValue(type, original, Invoke(nameof(DeepCopy), type, original));
    }

    [Fact]
    public void Every_type_a_grain_method_takes_or_returns_is_serializable_by_orleans()
    {
        var problems = new List<string>();
        var reached = new HashSet<Type>();
        foreach (var grain in GrainInterfaces())
        {
            foreach (var method in grain.GetMethods())
            {
                var where = $"{grain.Name}.{method.Name}";
                if (UnwrapAwaitable(method.ReturnType) is not { } result)
                {
                    problems.Add($"{where} returns {Describe(method.ReturnType)}: grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
                }
                else if (result != typeof(void))
                {
                    CollectProblems(result, $"{where} returns {Describe(result)}", reached, problems);
                }

                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.ParameterType.IsByRef)
                    {
                        problems.Add($"{where}({parameter.Name}) is passed by reference.");
                        continue;
                    }

                    CollectProblems(parameter.ParameterType, $"{where}({Describe(parameter.ParameterType)} {parameter.Name})", reached, problems);
                }
            }
        }

        // Orleans's own opinion as well as ours: the codec provider must have a codec for every type reached.
        foreach (var type in reached.Where(t => !t.ContainsGenericParameters && !typeof(IAddressable).IsAssignableFrom(t)))
        {
            if (!OrleansCanSerialize(type))
            {
                problems.Add($"{Describe(type)}: Orleans's serializer has no codec for it.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    [Fact]
    public void Every_serializable_type_and_grain_interface_has_a_unique_stable_alias()
    {
        var problems = new List<string>();
        var owners = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in SerializableDefinitions().Concat(GrainInterfaces()))
        {
            var alias = type.GetCustomAttribute<AliasAttribute>()?.Alias;
            var arity = type.IsGenericTypeDefinition ? $"`{type.GetGenericArguments().Length}" : string.Empty;
            if (alias is null || !alias.StartsWith("singr.", StringComparison.Ordinal) || !alias.EndsWith(arity, StringComparison.Ordinal))
            {
                problems.Add($"{Describe(type)} needs [Alias(\"singr.<area>.<Name>{arity}\")], has {alias ?? "none"}.");
            }
            else if (!owners.TryAdd(alias, type))
            {
                problems.Add($"{Describe(type)} and {Describe(owners[alias])} share the alias {alias}.");
            }
        }

        foreach (var grain in GrainInterfaces())
        {
            var methodAliases = grain.GetMethods().Select(m => m.GetCustomAttribute<AliasAttribute>()?.Alias).ToList();
            if (methodAliases.Any(a => a is null) || methodAliases.Distinct(StringComparer.Ordinal).Count() != methodAliases.Count)
            {
                problems.Add($"Every method of {grain.Name} needs its own [Alias].");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_serialized_member_has_an_explicit_id_and_ids_are_unique()
    {
        var problems = new List<string>();
        foreach (var type in SerializableDefinitions().Where(t => !t.IsEnum))
        {
            var ids = new HashSet<uint>();
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsDefined(typeof(NonSerializedAttribute)))
                {
                    continue;
                }

                var member = (MemberInfo?)BackingProperty(type, field) ?? field;
                var id = member.GetCustomAttribute<IdAttribute>()?.Id;
                if (id is null)
                {
                    problems.Add($"{Describe(type)}.{member.Name} has no [Id] (records: [property: Id(n)] on the parameter).");
                }
                else if (!ids.Add(id.Value))
                {
                    problems.Add($"{Describe(type)}.{member.Name} reuses [Id({id})].");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Only_types_whose_every_member_is_immutable_are_marked_immutable()
    {
        var problems = new List<string>();
        foreach (var type in SerializableDefinitions().Where(IsDeclaredImmutable))
        {
            if (!type.IsSealed)
            {
                problems.Add($"{Describe(type)} is [Immutable] but not sealed: a subclass could add mutable state.");
            }

            foreach (var member in SerializedProperties(type).Where(p => !IsImmutableValue(p.PropertyType)))
            {
                problems.Add($"{Describe(type)} is [Immutable] but its {member.Name} is of the mutable or unknown type {Describe(member.PropertyType)}.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private T? SerializerRoundTrip<T>(T value) => _serializer.Deserialize<T>(_serializer.SerializeToArray(value));

    private T? DeepCopy<T>(T value) => _copier.Copy(value);

    private object? Invoke(string method, Type type, object? value) =>
        typeof(ContractSerializationTests)
            .GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic)!
            .MakeGenericMethod(type)
            .Invoke(this, BindingFlags.DoNotWrapExceptions, null, [value], null);

    private bool OrleansCanSerialize(Type type)
    {
        try
        {
            return _serializer.CanSerialize(type);
        }
        catch (CodecNotFoundException)
        {
            return false;
        }
    }

    private static void AssertSameValue(Type type, object? expected, object? actual)
    {
        Assert.NotNull(actual);
        Assert.IsType(expected!.GetType(), actual);
        Assert.Equal(JsonSerializer.Serialize(expected, type, Json), JsonSerializer.Serialize(actual, type, Json));
        if (!HoldsCollections(type, []))
        {
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The sample builder's own check: a member left at its default would round-trip without proving anything.</summary>
    private static void AssertEveryMemberIsSet(object? value, Type type, string path)
    {
        Assert.False(value is null, $"{path} is null");
        if (type.IsEnum)
        {
            Assert.False(Equals(value, Activator.CreateInstance(type)), $"{path} is the enum's default");
            return;
        }

        if (value is IEnumerable items and not string)
        {
            var elements = items.Cast<object?>().ToList();
            Assert.False(elements.Count == 0, $"{path} is empty");
            var elementType = ElementTypes(type).Last();
            for (var i = 0; i < elements.Count; i++)
            {
                var element = elements[i];
                if (element is not null && element.GetType().IsGenericType && element.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                {
                    element = element.GetType().GetProperty("Value")!.GetValue(element);
                }

                AssertEveryMemberIsSet(element, elementType, $"{path}[{i}]");
            }

            return;
        }

        if (IsGenerated(type))
        {
            foreach (var property in SerializedProperties(type))
            {
                AssertEveryMemberIsSet(property.GetValue(value), property.PropertyType, $"{path}.{property.Name}");
            }

            return;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsValueType)
        {
            Assert.False(Equals(value, Activator.CreateInstance(underlying)), $"{path} is {underlying.Name}'s default");
        }
    }

    private static void CollectProblems(Type type, string path, HashSet<Type> reached, List<string> problems)
    {
        if (!reached.Add(type))
        {
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            CollectProblems(underlying, path, reached, problems);
            return;
        }

        if (BuiltInLeafTypes.Contains(type) || typeof(IAddressable).IsAssignableFrom(type) || type.IsGenericParameter)
        {
            return;
        }

        if (type.IsArray)
        {
            CollectProblems(type.GetElementType()!, $"{path} → {Describe(type.GetElementType()!)}", reached, problems);
            return;
        }

        if (type.IsGenericType && BuiltInCollections.Contains(type.GetGenericTypeDefinition()))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                CollectProblems(argument, $"{path} → {Describe(argument)}", reached, problems);
            }

            return;
        }

        if (type.IsEnum && type.Assembly != Contracts)
        {
            return;
        }

        if (!IsGenerated(type))
        {
            problems.Add($"{path}: {Describe(type)} is neither a type Orleans serializes out of the box nor marked [GenerateSerializer].");
            return;
        }

        foreach (var argument in type.GetGenericArguments())
        {
            CollectProblems(argument, $"{path} → {Describe(argument)}", reached, problems);
        }

        foreach (var property in SerializedProperties(type))
        {
            CollectProblems(property.PropertyType, $"{path} → {Describe(type)}.{property.Name}", reached, problems);
        }
    }

    private static IEnumerable<Type> GrainInterfaces() =>
        Contracts.GetExportedTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t)).OrderBy(t => t.FullName);

    private static IEnumerable<Type> SerializableDefinitions() =>
        Contracts.GetExportedTypes().Where(t => t.IsDefined(typeof(GenerateSerializerAttribute), false)).OrderBy(t => t.FullName);

    /// <summary>Each serializable type; a generic one closed over every type argument grain methods use it with.</summary>
    private static List<Type> ClosedSerializableTypes()
    {
        var closed = new HashSet<Type>();
        foreach (var method in GrainInterfaces().SelectMany(g => g.GetMethods()))
        {
            foreach (var type in method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType))
            {
                AddConstructed(type, closed);
            }
        }

        return SerializableDefinitions()
            .Where(t => !t.IsGenericTypeDefinition)
            .Concat(closed.OrderBy(Describe, StringComparer.Ordinal))
            .ToList();

        static void AddConstructed(Type type, HashSet<Type> closed)
        {
            if (!type.IsGenericType)
            {
                return;
            }

            if (type.GetGenericTypeDefinition().IsDefined(typeof(GenerateSerializerAttribute), false))
            {
                closed.Add(type);
            }

            foreach (var argument in type.GetGenericArguments())
            {
                AddConstructed(argument, closed);
            }
        }
    }

    private static bool IsGenerated(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).IsDefined(typeof(GenerateSerializerAttribute), false);

    private static bool IsDeclaredImmutable(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).IsDefined(typeof(ImmutableAttribute), false);

    /// <summary>The members Orleans serializes: the instance properties carrying [Id].</summary>
    private static IEnumerable<PropertyInfo> SerializedProperties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.IsDefined(typeof(IdAttribute)))
            .OrderBy(p => p.GetCustomAttribute<IdAttribute>()!.Id);

    private static PropertyInfo? BackingProperty(Type type, FieldInfo field) =>
        field.IsDefined(typeof(CompilerGeneratedAttribute)) && field.Name.StartsWith('<') && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)
            ? type.GetProperty(field.Name[1..field.Name.IndexOf('>', StringComparison.Ordinal)], BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            : null;

    private static bool IsImmutableValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return (BuiltInLeafTypes.Contains(type) && type != typeof(Uri))
            || type.IsEnum
            || (IsGenerated(type) && IsDeclaredImmutable(type));
    }

    private static bool HoldsCollections(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || !seen.Add(type))
        {
            return false;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return true;
        }

        return IsGenerated(type) && SerializedProperties(type).Any(p => HoldsCollections(p.PropertyType, seen));
    }

    /// <summary>A collection's element type, or for a dictionary its key then value type.</summary>
    private static Type[] ElementTypes(Type type)
    {
        if (type.IsArray)
        {
            return [type.GetElementType()!];
        }

        var generic = type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>))
            ? type
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return generic?.GetGenericArguments() ?? throw new NotSupportedException($"{Describe(type)} is no collection the sample builder knows.");
    }

    private static Type? UnwrapAwaitable(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask))
        {
            return typeof(void);
        }

        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static string Describe(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
            : type.Name;

    /// <summary>
    /// Builds contract instances. <see cref="Full"/> gives every member a value other than its default (numbers
    /// count up so that no two members look alike); <see cref="Sparse"/> leaves every nullable member null and every
    /// optional constructor parameter at its default.
    /// </summary>
    private sealed class SampleBuilder
    {
        private const int MaxDepth = 10;
        private readonly NullabilityInfoContext _nullability = new();
        private int _next;

        public object Full(Type type) => Build(type, sparse: false, depth: 0);

        public object Sparse(Type type) => Build(type, sparse: true, depth: 0);

        private object Build(Type type, bool sparse, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new InvalidOperationException($"{Describe(type)} nests deeper than {MaxDepth}: is it recursive?");
            }

            type = Nullable.GetUnderlyingType(type) ?? type;
            var n = ++_next;
            if (Leaf(type, n) is { } leaf)
            {
                return leaf;
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValuesAsUnderlyingType(type);
                return Enum.ToObject(type, values.GetValue(values.Length - 1)!);
            }

            if (type.IsArray)
            {
                var elementType = type.GetElementType()!;
                var array = Array.CreateInstance(elementType, 2);
                array.SetValue(Build(elementType, sparse, depth + 1), 0);
                array.SetValue(Build(elementType, sparse, depth + 1), 1);
                return array;
            }

            if (type.IsGenericType && !IsGenerated(type))
            {
                return Collection(type, sparse, depth);
            }

            // Contracts, and also types that forgot [GenerateSerializer]: Orleans then reports what it cannot serialize.
            if (!type.IsAbstract && !type.IsInterface)
            {
                return Contract(type, sparse, depth);
            }

            throw new NotSupportedException($"The sample builder cannot make a {Describe(type)}: teach it.");
        }

        private static object? Leaf(Type type, int n) => type switch
        {
            _ when type == typeof(string) => $"text-{n}",
            _ when type == typeof(bool) => true,
            _ when type == typeof(int) => n,
            _ when type == typeof(long) => 5_000_000_000L + n,
            _ when type == typeof(short) => (short)n,
            _ when type == typeof(byte) => (byte)n,
            _ when type == typeof(double) => n + 0.25,
            _ when type == typeof(float) => n + 0.5f,
            _ when type == typeof(decimal) => n + 0.125m,
            _ when type == typeof(Guid) => new Guid(n, 0x5149, 0x4e47, 0x52, 0x2d, 0x47, 0x52, 0x41, 0x49, 0x4e, 0x53),

            // Not UTC, and with ticks below a millisecond: both must survive.
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 21, 1, 30, 0, TimeSpan.FromHours(-5)).AddMinutes(n).AddTicks(n),
            _ when type == typeof(DateTime) => new DateTime(2026, 11, 21, 6, 30, 0, DateTimeKind.Utc).AddMinutes(n),
            _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(n),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 11, 21).AddDays(n),
            _ when type == typeof(TimeOnly) => new TimeOnly(1, 30).AddMinutes(n),
            _ when type == typeof(Uri) => new Uri($"https://example.test/{n}"),
            _ => null,
        };

        private object Collection(Type type, bool sparse, int depth)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                for (var i = 0; i < 2; i++)
                {
                    dictionary.Add(Build(arguments[0], sparse, depth + 1), Build(arguments[1], sparse, depth + 1));
                }

                return dictionary;
            }

            Type? concrete = null;
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>)
                || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(List<>))
            {
                concrete = typeof(List<>);
            }
            else if (definition == typeof(IReadOnlySet<>) || definition == typeof(ISet<>) || definition == typeof(HashSet<>))
            {
                concrete = typeof(HashSet<>);
            }

            if (concrete is null)
            {
                throw new NotSupportedException($"The sample builder cannot make a {Describe(type)}: teach it.");
            }

            var collection = Activator.CreateInstance(concrete.MakeGenericType(arguments))!;
            var add = collection.GetType().GetMethod("Add")!;
            for (var i = 0; i < 2; i++)
            {
                add.Invoke(collection, [Build(arguments[0], sparse, depth + 1)]);
            }

            return collection;
        }

        private object Contract(Type type, bool sparse, int depth)
        {
            var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)
                ?? throw new NotSupportedException($"{Describe(type)} has no public constructor for the sample builder.");
            var arguments = constructor.GetParameters()
                .Select(p => sparse && p.HasDefaultValue ? p.DefaultValue
                    : sparse && IsNullable(p) ? null
                    : Build(p.ParameterType, sparse, depth + 1))
                .ToArray();
            return constructor.Invoke(arguments);
        }

        private bool IsNullable(ParameterInfo parameter) =>
            Nullable.GetUnderlyingType(parameter.ParameterType) is not null
            || (!parameter.ParameterType.IsValueType && _nullability.Create(parameter).WriteState == NullabilityState.Nullable);
    }
}
