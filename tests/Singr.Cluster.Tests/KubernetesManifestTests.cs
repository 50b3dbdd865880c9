using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Silo.Cluster;
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
    private static readonly (string Section, Type Options)[] OptionSections =
    [
        (ClusterOptions.SectionName, typeof(ClusterOptions)),
        (SiloOptions.SectionName, typeof(SiloOptions)),
        (DatabaseOptions.SectionName, typeof(DatabaseOptions)),
        (StreamOptions.SectionName, typeof(StreamOptions)),
        (AuthOptions.SectionName, typeof(AuthOptions)),
        (HttpOptions.SectionName, typeof(HttpOptions)),
    ];

    /// <summary>Keys the application reads outside the options classes (Program, the host, the downward API helper).</summary>
    private static readonly string[] HostKeys =
        ["ConnectionStrings__Singr", "Singr__SeedDemo", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "POD_IP"];

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
            new HashSet<string> { "Namespace", "ConfigMap", "Secret", "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Job" },
            kinds);
    }

    [Fact]
    public void Every_key_the_manifests_set_is_a_configuration_key_of_the_application()
    {
        var known = OptionSections
            .SelectMany(s => s.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => $"{s.Section.Replace(":", "__", StringComparison.Ordinal)}__{p.Name}"))
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
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(data.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
            .Build();

        foreach (var (section, type) in OptionSections)
        {
            var options = Activator.CreateInstance(type)!;
            configuration.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
            foreach (var (key, value) in data.Where(kv => kv.Key.StartsWith(section.Replace(":", "__", StringComparison.Ordinal) + "__", StringComparison.Ordinal)))
            {
                var property = type.GetProperty(key[(key.LastIndexOf("__", StringComparison.Ordinal) + 2)..])!;
                Assert.Equal(value, Format(property.GetValue(options)));
            }
        }
    }

    [Fact]
    public void Silos_and_front_ends_run_their_roles_wait_for_the_migration_job_and_probe_the_health_endpoints()
    {
        var silo = Deployment("silo");
        var frontEnd = Deployment("frontend");

        Assert.Equal("silo", EnvironmentOf(silo)["Singr__Cluster__Role"]);
        Assert.Equal("api", EnvironmentOf(frontEnd)["Singr__Cluster__Role"]);
        Assert.Contains("$(POD_IP)", EnvironmentOf(silo)["Singr__Silo__Address"], StringComparison.Ordinal);
        foreach (var deployment in new[] { silo, frontEnd })
        {
            var container = Containers(deployment).Single();
            Assert.Equal("/health/live", Path(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal("/health/ready", Path(container, "readinessProbe", "httpGet", "path"));
            Assert.Equal("false", MigrateOnStart(deployment));
        }

        var job = Documents.Single(d => (string)d["kind"] == "Job");
        Assert.Contains("--migrate-only", Containers(job).Single()["args"] is List<object> args ? args.Cast<string>() : []);
    }

    [Fact]
    public void Front_ends_trust_forwarded_headers_only_from_well_formed_networks()
    {
        var trusted = EnvironmentOf(Deployment("frontend"))
            .Where(e => e.Key.StartsWith("Singr__Http__TrustedNetworks__", StringComparison.Ordinal))
            .Select(e => e.Value)
            .ToList();

        Assert.NotEmpty(trusted);
        Assert.All(trusted, network => Assert.True(System.Net.IPNetwork.TryParse(network, out _), network));
    }

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
