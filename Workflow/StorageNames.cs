
namespace GenderPlan.Workflow;

/// <summary>
/// Every container and table the product uses. The Bicep in <c>infra/</c> declares the same names; a test
/// keeps the two from drifting apart.
/// </summary>
public static class StorageNames
{
    /// <summary>Where units upload reports, as <c>reports/{unit}/{file}</c>.</summary>
    public const string ReportsContainer = "reports";

    /// <summary>Rejected reports are copied here with a readable <c>.errors.txt</c> beside them.</summary>
    public const string RejectedContainer = "reports-rejected";

    /// <summary>Where officials upload rules files (<c>units.json</c>, <c>*.workflow.json</c>).</summary>
    public const string RulesContainer = "rules";

    /// <summary>A copy of every rules version that was ever active, as <c>{version}/{file}</c>.</summary>
    public const string RuleSetsContainer = "rulesets";

    /// <summary>
    /// Files the product sends out: the bytes of email attachments (the province report's workbook and Word draft), as
    /// <c>{alert id}/{file}</c>, referenced from the outbox row, since a table row holds 64 KB per property at most.
    /// </summary>
    public const string OutgoingContainer = "reports-out";

    /// <summary>
    /// The storage account's static website, where the scorecard page is published. Azure creates it when the
    /// static website is switched on (infra's post-deploy hook), so it is not in <see cref="Containers"/>.
    /// </summary>
    public const string WebsiteContainer = "$web";

    /// <summary>Every report scored: which arrived for a period, from whom, when, with which hash and rules, on time or not.</summary>
    public const string ReportsTable = "Reports";

    /// <summary>Processing state per uploaded blob version: makes triggers idempotent and stops endless retries.</summary>
    public const string UploadsTable = "Uploads";

    /// <summary>The latest result of every indicator per place and period, and beside it every result ever scored there.</summary>
    public const string ResultsTable = "Results";

    /// <summary>
    /// Every result scored, per place and period, before the history moved into <see cref="ResultsTable"/> (one transaction
    /// a report, not two): read for reports scored then, never written.
    /// </summary>
    public const string ResultHistoryTable = "ResultHistory";

    /// <summary>Every email with its recipients and delivery state, and the index of those still pending.</summary>
    public const string AlertsTable = "Alerts";

    /// <summary>The status last alerted per indicator, place and period, so units are alerted once.</summary>
    public const string AlertStateTable = "AlertState";

    /// <summary>Every rules version that was ever active, refused uploads, and the pointer to the active one.</summary>
    public const string RulesVersionsTable = "RulesVersions";

    /// <summary>The upload links' tokens, kept only as SHA-256 hashes: which unit each link speaks for, and until when.</summary>
    public const string UploadTokensTable = "UploadTokens";

    /// <summary>Reports sent from the upload page: who sent which file, for whom, so the page can follow it until it is scored.</summary>
    public const string WebUploadsTable = "WebUploads";

    /// <summary>The follow-up of each alert (one case per unit, indicator, place and period) and every step of it.</summary>
    public const string FollowUpsTable = "FollowUps";

    /// <summary>
    /// The approval or return of each report, keyed like the report log (period / report key), with a history row per
    /// decision taken, and how far a return's re-counting got, so the sweep can finish one cut short.
    /// </summary>
    public const string ReportDecisionsTable = "ReportDecisions";

    /// <summary>Which places and periods had figures stored in each five-minute bucket: what the sweep adds up and republishes.</summary>
    public const string ChangesTable = "Changes";

    /// <summary>The report log again, partitioned by each plan's own place: what a page reads, one key range a place.</summary>
    public const string ReportsByPlanTable = "ReportsByPlan";

    /// <summary>The reported figures of every place below a plan's own, per period, as its page compares them: written by the roll-up.</summary>
    public const string CommuneFiguresTable = "CommuneFigures";

    /// <summary>All containers.</summary>
    public static readonly IReadOnlyList<string> Containers = [ReportsContainer, RejectedContainer, RulesContainer, RuleSetsContainer, OutgoingContainer];

    /// <summary>All tables.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [ReportsTable, UploadsTable, ResultsTable, ResultHistoryTable, AlertsTable, AlertStateTable, RulesVersionsTable, UploadTokensTable, WebUploadsTable, FollowUpsTable, ReportDecisionsTable, ChangesTable, ReportsByPlanTable, CommuneFiguresTable];
}
