using Singr.Silo.Grains;

namespace Singr.Silo.Runtime;

/// <summary>The call reached an activation that is going away before the call ran; the runtime reroutes it.</summary>
internal sealed class ActivationUnavailableException(GrainId grainId)
    : Exception($"The activation of {grainId} is deactivating; the call is rerouted.");
