using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>Table keys built from user-given names, which may hold characters keys forbid (<c>/ \ # ?</c>), and the range filters over them.</summary>
public static class Keys
{
    /// <summary>A short stable hash of <paramref name="parts"/>, safe in any key.</summary>
    public static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..24];

    /// <summary>Ticks counted down, so that the newest row sorts first.</summary>
    public static string Newest(DateTimeOffset instant) => (DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Ticks counted up.</summary>
    public static string Ticks(DateTimeOffset instant) => instant.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>An arrival number (<see cref="UploadLog"/>) padded, so that keys sort in the order reports arrived.</summary>
    public static string Arrival(long arrival) => arrival.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The partition of a place and period.</summary>
    public static string PlaceAndPeriod(string jurisdiction, string period) => $"{jurisdiction}~{period}";

    /// <summary>The rows of one partition.</summary>
    public static string InPartition(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    /// <summary>The rows of <paramref name="partition"/> whose row key starts with <paramref name="prefix"/>: one key range.</summary>
    public static string RowKeyStartsWith(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + '\uffff'}");

    /// <summary>The rows of every partition whose key starts with <paramref name="prefix"/>: one key range.</summary>
    public static string PartitionStartsWith(string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + '\uffff'}");
}
