namespace GenderPlan.Core.Domain;

/// <summary>
/// One thing wrong with a file a user gave us, located as precisely as we can: file, row and column for a
/// report; file, rule and property for a rules file. Problems are collected and returned together so the
/// user can fix them all in one pass.
/// </summary>
/// <param name="File">The file's name as the user gave it.</param>
/// <param name="Location">Where in the file: <c>row 4, column C (value)</c> or <c>rule G4.1, Properties.target</c>.</param>
/// <param name="Message">What is wrong and, where it helps, what is expected.</param>
public sealed record Problem(string File, string? Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Location is null ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";
}
