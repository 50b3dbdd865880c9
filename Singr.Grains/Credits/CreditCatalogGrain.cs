using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Credits;
using Singr.Grains.Persistence;

namespace Singr.Grains.Credits;

/// <summary>The packages on sale: the seed's until platform admins set others, each change audited in its write.</summary>
[GrainType("credit-catalog")]
public sealed class CreditCatalogGrain([VersionedState("credit-catalog")] IVersionedState<CreditCatalogState> state) : Grain, ICreditCatalogGrain
{
    public Task<IReadOnlyList<CreditPackage>> GetPackages() => Task.FromResult(OnSale());

    public async Task<IReadOnlyList<CreditPackage>> SetPackages(SetCreditPackages command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (CreditPackageRules.Check(command.Packages).Count > 0)
        {
            throw new ArgumentException("Invalid packages; the API checks them first.", nameof(command));
        }

        var before = OnSale();
        state.State.Packages = [.. command.Packages];
        await state.WriteAsync(rows => rows.Add(new AuditRow(command.Stamp, new AuditEntry(
            "credits.packages_set", "credit_catalog", "platform", null, null, new { packages = before }, new { packages = command.Packages }))));
        return OnSale();
    }

    private IReadOnlyList<CreditPackage> OnSale() => state.State.Packages ?? CreditPackageRules.SeedPackages;
}
