using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Singr.Api;
using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Api.Hubs;
using Singr.Api.Operations;
using Singr.Api.RateLimiting;
using Singr.Silo.Hosting;
using Singr.Silo.Migrations;
using Singr.Silo.Streams;
using Singr.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Singr.Cluster.Tests;

/// <summary>The operator's manifests against the application: they parse, and every key they set is one it reads.</summary>
public sealed partial class KubernetesManifestTests
{
    /// <summary>Every options class the programs bind, by its section (Orleans's membership options under Singr's section).</summary>
    private static readonly (string Section, Type Options)[] OptionSections =
    [
        (OrleansOptions.SectionName, typeof(OrleansOptions)),
        ($"{OrleansOptions.SectionName}:Membership", typeof(ClusterMembershipOptions)),
        (DatabaseOptions.SectionName, typeof(DatabaseOptions)),
        (StreamOptions.SectionName, typeof(StreamOptions)),
        (AuthOptions.SectionName, typeof(AuthOptions)),
        (HttpOptions.SectionName, typeof(HttpOptions)),
        (RateLimitOptions.SectionName, typeof(RateLimitOptions)),
        (SingrHubOptions.SectionName, typeof(SingrHubOptions)),
        (OperationsOptions.SectionName, typeof(OperationsOptions)),
    ];

    /// <summary>
    /// Keys the application reads outside the options classes: the connection string, demo seeding and the front end's
    /// role (Singr.Api), the web host's URLs and environment, and the generic host's shutdown timeout (its drain budget).
    /// </summary>
    private static readonly string[] HostKeys =
    [
        "ConnectionStrings__Singr", "Singr__SeedDemo", FrontEndRoles.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal),
        "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "shutdownTimeoutSeconds",
    ];

    private static readonly List<Dictionary<object, object>> Documents = LoadDocuments();

    [Fact]
    public void Every_manifest_parses_and_names_its_kind()
    {
        Assert.NotEmpty(Documents);
        Assert.All(Documents, d =>
        {
            Assert.True(d.ContainsKey("apiVersion"), "apiVersion");
            Assert.True(d.ContainsKey("kind"), "kind");
        });
        var kinds = Documents.Select(d => (string)d["kind"]).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "Namespace", "ConfigMap", "Secret", "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Job", "NetworkPolicy" },
            kinds);
        Assert.Contains("NetworkPolicy", kinds);
    }

    [Fact]
    public void Every_key_the_manifests_set_is_a_configuration_key_of_the_application()
    {
        var known = OptionSections
            .SelectMany(s => KeysOf(s.Options, s.Section.Replace(":", "__", StringComparison.Ordinal)))
            .Concat(HostKeys)
            .ToHashSet(StringComparer.Ordinal);

        // A list is set one element per key: Singr__Http__TrustedNetworks__0, __1, …
        var set = EnvironmentNames().Concat(ConfigMapData().Keys).Select(key => ListIndexSuffix().Replace(key, string.Empty)).ToList();

        Assert.NotEmpty(set);
        Assert.All(set, key => Assert.Contains(key, known));
    }

    [Fact]
    public void The_config_map_values_bind_to_the_options_they_name()
    {
        var data = ConfigMapData();
        var bound = 0;
        foreach (var (section, type) in OptionSections)
        {
            // The section's own properties (Singr__Orleans__X, not Singr__Orleans__Membership__X, which is its own section).
            var prefix = section.Replace(":", "__", StringComparison.Ordinal) + "__";
            var own = data.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && !kv.Key[prefix.Length..].Contains("__", StringComparison.Ordinal)).ToList();
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(own.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
                .Build();
            var options = Activator.CreateInstance(type)!;
            configuration.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
            foreach (var (key, value) in own)
            {
                var property = type.GetProperty(key[prefix.Length..]);
                Assert.True(property is not null, $"{key}: {type.Name} has no such property");
                Assert.Equal(value, Format(property.GetValue(options)));
                bound++;
            }
        }

        Assert.Equal(data.Keys.Count(key => key.StartsWith("Singr__", StringComparison.Ordinal) && key != "Singr__SeedDemo"), bound);
    }

    [Fact]
    public void Silos_and_front_ends_run_their_programs_wait_for_the_migration_job_and_probe_the_health_endpoints()
    {
        var silo = Deployment("silo");
        var frontEnd = Deployment("frontend");
        var job = Documents.Single(d => (string)d["kind"] == "Job");

        Assert.Equal(["dotnet", "Singr.Silo.dll"], Command(silo));
        Assert.Equal(["dotnet", "Singr.Api.dll"], Command(frontEnd));
        Assert.Equal(["dotnet", "Singr.Silo.dll"], Command(job));
        Assert.Contains("--migrate-only", Containers(job).Single()["args"] is List<object> args ? args.Cast<string>() : []);
        Assert.Equal(FrontEndRoles.FrontEndOnly, EnvironmentOf(frontEnd)["Singr__Cluster__Role"]);
        Assert.DoesNotContain("Singr__Cluster__Role", EnvironmentOf(silo).Keys);
        foreach (var deployment in new[] { silo, frontEnd })
        {
            var container = Containers(deployment).Single();
            Assert.Equal("/health/live", Path(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal("/health/live", Path(container, "startupProbe", "httpGet", "path"));
            Assert.Equal("/health/ready", Path(container, "readinessProbe", "httpGet", "path"));
            Assert.Equal("false", MigrateOnStart(deployment));
        }
    }

    [Fact]
    public void Silos_advertise_their_pod_ip_and_open_the_orleans_ports_they_are_configured_with()
    {
        var silo = Deployment("silo");
        var environment = EnvironmentOf(silo);
        var ports = Containers(silo).Single()["ports"] is List<object> list
            ? list.Cast<Dictionary<object, object>>().ToDictionary(p => (string)p["name"], p => (string)p["containerPort"])
            : [];
        var defaults = new OrleansOptions();

        Assert.Equal("status.podIP", FieldRef(silo, "Singr__Orleans__AdvertisedAddress"));
        Assert.Equal(environment["Singr__Orleans__SiloPort"], ports["silo"]);
        Assert.Equal(environment["Singr__Orleans__GatewayPort"], ports["gateway"]);
        Assert.Equal(defaults.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), ports["silo"]);
        Assert.Equal(defaults.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), ports["gateway"]);
        Assert.Equal("8080", ports["http"]);

        var service = Documents.Single(d => (string)d["kind"] == "Service" && Path(d, "metadata", "name") == "singr-silo");
        Assert.Equal("None", Path(service, "spec", "clusterIP"));
        Assert.Equal(
            ["gateway", "http", "silo"],
            ((List<object>)((Dictionary<object, object>)service["spec"])["ports"]).Cast<Dictionary<object, object>>().Select(p => (string)p["targetPort"]).Order());
    }

    [Fact]
    public void The_orleans_ports_are_open_only_to_singr_pods()
    {
        var policy = Documents.Single(d => (string)d["kind"] == "NetworkPolicy");
        var spec = (Dictionary<object, object>)policy["spec"];
        var rules = ((List<object>)spec["ingress"]).Cast<Dictionary<object, object>>().ToList();
        static IEnumerable<string> PortsOf(Dictionary<object, object> rule) =>
            ((List<object>)rule["ports"]).Cast<Dictionary<object, object>>().Select(p => (string)p["port"]);

        Assert.Equal("silo", Path(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/component"));
        var orleans = Assert.Single(rules, rule => PortsOf(rule).Contains("11111"));
        Assert.Equal(["11111", "30000"], PortsOf(orleans).Order());
        var from = Assert.Single(((List<object>)orleans["from"]).Cast<Dictionary<object, object>>());
        Assert.Equal("singr", Path(from, "podSelector", "matchLabels", "app.kubernetes.io/name"));
        Assert.DoesNotContain(rules.Where(rule => !rule.ContainsKey("from")), rule => PortsOf(rule).Any(port => port is "11111" or "30000"));
    }

    [Fact]
    public void A_silo_gets_time_to_hand_its_grains_over_after_it_has_left_the_endpoints()
    {
        var silo = Deployment("silo");
        var podSpec = (Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)silo["spec"])["template"])["spec"];
        var grace = int.Parse((string)podSpec["terminationGracePeriodSeconds"], System.Globalization.CultureInfo.InvariantCulture);
        var preStop = (List<object>)((Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)Containers(silo).Single()["lifecycle"])["preStop"])["exec"])["command"];
        var sleep = int.Parse(SleepSeconds().Match((string)preStop[^1]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var shutdown = int.Parse(EnvironmentOf(silo)["shutdownTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(sleep, 1, 15);
        Assert.True(shutdown > 30, "more than the .NET host's default 30 s to drain");
        Assert.True(sleep + shutdown < grace, $"preStop {sleep} s + shutdown {shutdown} s must end before SIGKILL at {grace} s");
    }

    [Theory]
    [InlineData("Singr__Http__TrustedNetworks__")]
    [InlineData("Singr__Operations__MetricsNetworks__")]
    public void Front_ends_name_well_formed_networks_for_forwarded_headers_and_metrics_scrapers(string prefix)
    {
        var networks = EnvironmentOf(Deployment("frontend"))
            .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e.Value)
            .ToList();

        Assert.NotEmpty(networks);
        Assert.All(networks, network => Assert.True(System.Net.IPNetwork.TryParse(network, out _), network));
    }

    [Fact]
    public void Silos_and_front_ends_are_annotated_for_prometheus_on_their_http_port()
    {
        foreach (var deployment in new[] { Deployment("silo"), Deployment("frontend") })
        {
            Assert.Equal("true", Path(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/scrape"));
            Assert.Equal("8080", Path(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"));
            Assert.Equal(OperationsSetup.MetricsPath, Path(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/path"));
        }
    }

    /// <summary>
    /// The configuration keys an options class binds: its settable simple properties and lists (an element per key),
    /// and, for a property of a class type (a rate limit), that class's own keys under the property's name.
    /// </summary>
    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsPrimitive || propertyType.IsEnum || propertyType == typeof(string) || propertyType == typeof(TimeSpan)
                || propertyType == typeof(decimal) || typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return key;
            }
            else if (propertyType.IsClass)
            {
                foreach (var nested in KeysOf(propertyType, key))
                {
                    yield return nested;
                }
            }
        }
    }

    private static List<string> Command(Dictionary<object, object> workload) =>
        Containers(workload).Single()["command"] is List<object> command ? [.. command.Cast<string>()] : [];

    private static string? FieldRef(Dictionary<object, object> workload, string name) =>
        Containers(workload)
            .SelectMany(c => c.TryGetValue("env", out var env) ? ((List<object>)env).Cast<Dictionary<object, object>>() : [])
            .Where(e => (string)e["name"] == name)
            .Select(e => Path(e, "valueFrom", "fieldRef", "fieldPath"))
            .SingleOrDefault();

    private static string? MigrateOnStart(Dictionary<object, object> deployment) =>
        EnvironmentOf(deployment).GetValueOrDefault("Singr__Database__MigrateOnStart")
        ?? ConfigMapData().GetValueOrDefault("Singr__Database__MigrateOnStart");

    private static string Format(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? string.Empty,
    };

    private static Dictionary<object, object> Deployment(string component) =>
        Documents.Single(d => (string)d["kind"] == "Deployment"
            && Path(d, "metadata", "labels", "app.kubernetes.io/component") == component);

    private static IEnumerable<Dictionary<object, object>> Containers(Dictionary<object, object> workload)
    {
        var template = (Dictionary<object, object>)((Dictionary<object, object>)workload["spec"])["template"];
        var podSpec = (Dictionary<object, object>)template["spec"];
        return ((List<object>)podSpec["containers"]).Cast<Dictionary<object, object>>();
    }

    private static Dictionary<string, string> EnvironmentOf(Dictionary<object, object> workload) =>
        Containers(workload)
            .SelectMany(c => c.TryGetValue("env", out var env) ? ((List<object>)env).Cast<Dictionary<object, object>>() : [])
            .ToDictionary(e => (string)e["name"], e => e.TryGetValue("value", out var v) ? (string)v : "(from a reference)");

    private static IEnumerable<string> EnvironmentNames() =>
        Documents.Where(d => (string)d["kind"] is "Deployment" or "Job").SelectMany(d => EnvironmentOf(d).Keys);

    private static Dictionary<string, string> ConfigMapData() =>
        Documents.Where(d => (string)d["kind"] == "ConfigMap")
            .SelectMany(d => ((Dictionary<object, object>)d["data"]).Select(kv => KeyValuePair.Create((string)kv.Key, (string)kv.Value)))
            .ToDictionary();

    private static string? Path(Dictionary<object, object> node, params string[] keys)
    {
        object current = node;
        foreach (var key in keys)
        {
            if (current is not Dictionary<object, object> map || !map.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current as string;
    }

    [GeneratedRegex("__[0-9]+$")]
    private static partial Regex ListIndexSuffix();

    [GeneratedRegex("sleep ([0-9]+)")]
    private static partial Regex SleepSeconds();

    private static List<Dictionary<object, object>> LoadDocuments()
    {
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(PostgresServer.RepositoryRoot, "k8s"), "*.yaml").Order())
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(File.ReadAllText(file)));
            parser.Consume<YamlDotNet.Core.Events.StreamStart>();
            while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
            {
                if (deserializer.Deserialize(parser) is Dictionary<object, object> document)
                {
                    documents.Add(document);
                }
            }
        }

        return documents;
    }
}
