using System.Text.RegularExpressions;
using Singr.Grains.Interfaces.Access;

namespace Singr.Grains.Interfaces.Credits;

/// <summary>What platform admins may put on sale; each problem by field.</summary>
public static partial class CreditPackageRules
{
    public const int MaxPackages = 10;
    public const int MaxCredits = 10_000;
    public const long MinPriceCents = 50;
    public const long MaxPriceCents = 100_000;

    /// <summary>The seed's packages, on sale until platform admins change them.</summary>
    public static IReadOnlyList<CreditPackage> SeedPackages { get; } =
    [
        new("basic", 100, 1_000, "usd"),
        new("premium", 250, 2_000, "usd"),
        new("vip", 500, 3_500, "usd"),
    ];

    /// <summary>The kiosk's small package, which a venue may offer beside them (<c>offersSmallPackage</c>).</summary>
    public static CreditPackage SmallPackage { get; } = new("kiosk", 5, 500, "usd");

    public static IReadOnlyList<FieldProblem> Check(IReadOnlyList<CreditPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var problems = new List<FieldProblem>();
        if (packages.Count is 0 or > MaxPackages)
        {
            problems.Add(new("packages", $"1 to {MaxPackages} packages."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (package, index) in packages.Take(MaxPackages).Select((p, i) => (p, i)))
        {
            var field = $"packages[{index}]";
            if (package.Name is null || !NameShape().IsMatch(package.Name))
            {
                problems.Add(new($"{field}.name", "1 to 30 lower-case letters, digits, '_' or '-'."));
            }
            else if (!names.Add(package.Name) || package.Name == SmallPackage.Name)
            {
                problems.Add(new($"{field}.name", $"Each package has its own name ('{SmallPackage.Name}' is the venues' small package)."));
            }

            if (package.Credits is < 1 or > MaxCredits)
            {
                problems.Add(new($"{field}.credits", $"From 1 to {MaxCredits}."));
            }

            if (package.PriceCents is < MinPriceCents or > MaxPriceCents)
            {
                problems.Add(new($"{field}.priceCents", $"From {MinPriceCents} to {MaxPriceCents} (in cents)."));
            }

            if (package.Currency is null || !CurrencyShape().IsMatch(package.Currency))
            {
                problems.Add(new($"{field}.currency", "A three-letter ISO currency code in lower case, such as usd."));
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();

    [GeneratedRegex("^[a-z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyShape();
}
