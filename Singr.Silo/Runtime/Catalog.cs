using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>This silo's activations: at most one per grain identity at a time.</summary>
internal sealed class Catalog(ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger("Singr.Silo.Activation");
    private volatile bool _acceptingActivations = true;

    public int Count => _activations.Count;

    public IReadOnlyCollection<GrainActivation> Activations => [.. _activations.Values];

    public GrainActivation GetOrCreate(SiloRuntime runtime, GrainId grainId, Type grainClass)
    {
        while (true)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                return existing;
            }

            if (!_acceptingActivations)
            {
                throw new SiloUnavailableException($"The silo is shutting down and activates no more grains ({grainId}).");
            }

            var created = new GrainActivation(runtime, grainId, grainClass, _logger);
            if (_activations.TryAdd(grainId, created))
            {
                created.Start();
                return created;
            }
        }
    }

    public bool Contains(GrainId grainId) => _activations.ContainsKey(grainId);

    public void StopActivating() => _acceptingActivations = false;

    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
}
