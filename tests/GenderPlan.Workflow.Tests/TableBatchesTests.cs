using Azure.Data.Tables;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Tests;

/// <summary>Transactions stay within Table storage's limits: 100 entities and 4 MB each.</summary>
public sealed class TableBatchesTests
{
    private static TableTransactionAction Row(int index, int textLength) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity("dak-to~2019", $"G{index:D4}") { ["ExplanationVi"] = new string('ệ', textLength) });

    [Theory]
    [InlineData(250, 100, new[] { 100, 100, 50 })]
    [InlineData(40, 30_000, new[] { 19, 19, 2 })]
    public void Rows_are_sent_in_order_in_transactions_within_100_entities_and_4_MB(int rows, int textLength, int[] sizes)
    {
        var actions = Enumerable.Range(0, rows).Select(index => Row(index, textLength)).ToList();

        var batches = TableBatches.Of(actions).ToList();

        Assert.Equal(sizes, batches.Select(batch => batch.Count));
        Assert.Equal(actions, batches.SelectMany(batch => batch));
        Assert.All(batches, batch => Assert.True(batch.Sum(action => TableBatches.EstimatedBytes(action.Entity)) <= 4_000_000));
    }
}
