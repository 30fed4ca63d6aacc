using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// Splits table actions into transactions Table storage accepts: at most 100 entities and 4 MB of request each. One
/// place's results are a few dozen rows of a few KB, far below both; the split by size is there so that a plan with
/// long explanations, or a sum missing many places, fails no transaction as the country grows.
/// </summary>
public static class TableBatches
{
    /// <summary>The most entities one transaction may change.</summary>
    public const int MaxEntities = 100;

    /// <summary>What one transaction's request may weigh: 4 MB less a margin for the multipart envelope.</summary>
    public const long MaxBytes = 3_500_000;

    /// <summary>
    /// <paramref name="actions"/> in order, in groups within <see cref="MaxEntities"/> and <see cref="MaxBytes"/>. A string
    /// is counted at six bytes a character, what JSON's <c>\uXXXX</c> makes of Vietnamese letters, so the estimate is never low.
    /// </summary>
    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Of(IEnumerable<TableTransactionAction> actions)
    {
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = EstimatedBytes(action.Entity);
            if (batch.Count > 0 && (batch.Count == MaxEntities || bytes + size > MaxBytes))
            {
                yield return batch;
                (batch, bytes) = ([], 0);
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>An upper estimate of the entity's JSON in a transaction: its keys, and each property's name and value.</summary>
    public static long EstimatedBytes(ITableEntity entity)
    {
        long bytes = 512 + 6L * (entity.PartitionKey.Length + entity.RowKey.Length);
        foreach (var property in entity.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = property.GetValue(entity);
            bytes += 64 + 2L * property.Name.Length + (value is string text ? 6L * text.Length : 64);
        }

        if (entity is IDictionary<string, object> dictionary)
        {
            bytes += dictionary.Sum(pair => 64 + 2L * pair.Key.Length + (pair.Value is string text ? 6L * text.Length : 64));
        }

        return bytes;
    }
}
