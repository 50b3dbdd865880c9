namespace Singr.Grains.Interfaces.Credits;

/// <summary>The credit packages on sale across the platform (one grain, key <see cref="Key"/>), set by platform admins.</summary>
[Alias("singr.credits.ICreditCatalogGrain")]
public interface ICreditCatalogGrain : IGrainWithStringKey
{
    public const string Key = "platform";

    [Alias("GetPackages")]
    Task<IReadOnlyList<CreditPackage>> GetPackages();

    /// <summary>Replaces what is on sale (checked by <see cref="CreditPackageRules"/> first); audited. Purchases already opened keep their package.</summary>
    [Alias("SetPackages")]
    Task<IReadOnlyList<CreditPackage>> SetPackages(SetCreditPackages command);
}
