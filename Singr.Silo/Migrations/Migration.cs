using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Singr.Silo.Migrations;

/// <summary>One numbered SQL file from <c>sql/</c>, named <c>NNNN_what_it_does.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>Parses <c>0003_add_venues.sql</c> into version 3, name <c>add_venues</c>.</summary>
    public static Migration FromFile(string fileName, string sql)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(stem[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new FormatException($"Migration file '{fileName}' must be named NNNN_description.sql.");
        }

        return new Migration(version, stem[(separator + 1)..], sql);
    }
}
