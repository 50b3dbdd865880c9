using Singr.Grains.Interfaces.Credits;

namespace Singr.Grains.Credits;

public sealed class CreditCatalogState
{
    /// <summary>Null until platform admins first set them: the seed's packages are on sale.</summary>
    public List<CreditPackage>? Packages { get; set; }
}
