namespace GenderPlan.Core.Domain;

/// <summary>
/// One thing wrong with a file a user gave us, located as precisely as we can: file, row and column for a
/// report; file, rule and property for a rules file. Problems are collected and returned together so the
/// user can fix them all in one pass.
/// </summary>
/// <param name="File">The file's name as the user gave it.</param>
/// <param name="Location">Where in the file: <c>row 4, column C (value)</c> or <c>rule G4.1, Properties.target</c>.</param>
/// <param name="Message">What is wrong and, where it helps, what is expected.</param>
/// <param name="MessageVi">The same in Vietnamese, for officials, where it has been written; null otherwise.</param>
public sealed record Problem(string File, string? Location, string Message, string? MessageVi = null)
{
    /// <inheritdoc />
    public override string ToString() => Location is null ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";

    /// <summary>
    /// The problem for a reader of <paramref name="language"/>: in Vietnamese the location reads "dòng 3, cột D
    /// (value), G4.3a" and the message is <see cref="MessageVi"/> where there is one (English otherwise).
    /// </summary>
    public string In(Language language)
    {
        if (language != Language.Vietnamese)
        {
            return ToString();
        }

        var message = MessageVi ?? Message;
        return Location is null ? $"{File}: {message}" : $"{File}: {VietnameseLocation(Location)}: {message}";
    }

    private static string VietnameseLocation(string location) =>
        System.Text.RegularExpressions.Regex.Replace(
            location,
            @"^(row|item) (\d+)(, column ([A-Z]+)|, field)?",
            match => (match.Groups[1].Value == "row" ? "dòng " : "mục ") + match.Groups[2].Value
                + (match.Groups[4].Success ? ", cột " + match.Groups[4].Value : match.Groups[3].Success ? ", trường" : ""),
            System.Text.RegularExpressions.RegexOptions.None,
            TimeSpan.FromSeconds(1));
}
