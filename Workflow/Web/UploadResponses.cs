
namespace GenderPlan.Workflow.Web;

/// <summary>A report accepted from the upload page: stored, waiting to be scored.</summary>
/// <param name="Upload">The id to follow it with (<c>GET /api/uploads/{id}</c>).</param>
/// <param name="Status">Always <c>queued</c>.</param>
/// <param name="Period">The report's period.</param>
/// <param name="Jurisdiction">The report's place.</param>
/// <param name="JurisdictionName">The place's name.</param>
/// <param name="Indicators">How many indicators the report gives.</param>
/// <param name="File">The name it was stored under, in <c>reports/</c>.</param>
public sealed record UploadAccepted(string Upload, string Status, string Period, string Jurisdiction, string JurisdictionName, int Indicators, string File);

/// <summary>One thing to fix in a refused file, located for the page's table.</summary>
/// <param name="Row">The row (JSON: item), from 1; null for the whole file.</param>
/// <param name="Column">The column letter (JSON: field); null for the whole row.</param>
/// <param name="Indicator">The indicator of the row, where it named one.</param>
/// <param name="Message">What is wrong, in the caller's language.</param>
public sealed record UploadError(int? Row, string? Column, string? Indicator, string Message);

/// <summary>A refused file: nothing was stored.</summary>
/// <param name="Errors">Every problem found.</param>
public sealed record UploadRefused(IReadOnlyList<UploadError> Errors);

/// <summary>Where an upload stands.</summary>
/// <param name="Upload">Its id.</param>
/// <param name="Status"><c>queued</c>, <c>scored</c> or <c>rejected</c>.</param>
/// <param name="Period">The report's period.</param>
/// <param name="Jurisdiction">The report's place.</param>
/// <param name="Results">When scored: each indicator's result, as the scorecard API gives it.</param>
/// <param name="Errors">When rejected: why.</param>
public sealed record UploadStatusResponse(
    string Upload, string Status, string Period, string Jurisdiction, IReadOnlyList<ResultResponse>? Results, IReadOnlyList<UploadError>? Errors);
