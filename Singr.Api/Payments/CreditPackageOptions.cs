namespace Singr.Api.Payments;

/// <summary>
/// <c>Singr:Credits</c>: the packages patrons can buy, as the seed prices them unless configured otherwise
/// (<c>Singr:Credits:Packages:0:Name</c>, …).
/// </summary>
public sealed class CreditPackageOptions
{
    public const string SectionName = "Singr:Credits";

    public static IReadOnlyList<CreditPackage> SeedPackages { get; } =
    [
        new("basic", 100, 1_000, "usd"),
        new("premium", 250, 2_000, "usd"),
        new("vip", 500, 3_500, "usd"),
    ];

    public List<CreditPackage> Packages { get; set; } = [];

    public IReadOnlyList<CreditPackage> Offered => Packages.Count > 0 ? Packages : SeedPackages;
}
