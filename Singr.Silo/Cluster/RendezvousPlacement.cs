using System.Text;
using Singr.Silo.Grains;

namespace Singr.Silo.Cluster;

/// <summary>
/// Places a new activation on the live silo with the highest hash of (grain, silo): every process picks the same silo
/// from the same list, and when a silo joins or leaves only the grains that hash to it move.
/// </summary>
internal static class RendezvousPlacement
{
    public static SiloEndpoint? Choose(GrainId grainId, IReadOnlyList<SiloEndpoint> candidates)
    {
        SiloEndpoint? best = null;
        ulong bestScore = 0;
        foreach (var candidate in candidates)
        {
            var score = Fnv1a($"{grainId.Type}/{grainId.Key}|{candidate.SiloId:N}");
            if (best is null || score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    private static ulong Fnv1a(string text)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * prime;
        }

        // FNV's low bits mix poorly for near-identical inputs; a final avalanche spreads them.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        return hash;
    }
}
