using System.Security.Cryptography;
using System.Text;

namespace GenderPlan.Workflow.Storage;

/// <summary>Table keys built from user-given names, which may hold characters keys forbid (<c>/ \ # ?</c>).</summary>
public static class Keys
{
    /// <summary>A short stable hash of <paramref name="parts"/>, safe in any key.</summary>
    public static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..24];

    /// <summary>Ticks counted down, so that the newest row sorts first.</summary>
    public static string Newest(DateTimeOffset instant) => (DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Ticks counted up.</summary>
    public static string Ticks(DateTimeOffset instant) => instant.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The partition of a place and period.</summary>
    public static string PlaceAndPeriod(string jurisdiction, string period) => $"{jurisdiction}~{period}";

    /// <summary>The range filter for row keys starting with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string partition, string prefix) =>
        $"PartitionKey eq '{Escape(partition)}' and RowKey ge '{Escape(prefix)}' and RowKey lt '{Escape(prefix)}\uffff'";

    /// <summary>Escapes a value for an OData filter.</summary>
    public static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
