using System.Text.Json.Serialization;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Domain;

/// <summary>
/// One thing wrong with a file a user gave us, as data: the file, where in it, and a message code with its
/// arguments. It is worded only when shown (<see cref="In"/>, from the <see cref="Messages"/> catalogue), so the
/// upload page, the status API, the error file and the emails all place and word it the same way, in the
/// reader's language, and nothing ever parses a sentence back. Problems are collected and returned together
/// so the user can fix them all in one pass.
/// </summary>
/// <param name="File">The file's name as the user gave it.</param>
/// <param name="Location">Where in the file; null for the whole file.</param>
/// <param name="Code">The <see cref="MessageTemplate.Code"/> of what is wrong.</param>
/// <param name="Args">The message's placeholder values.</param>
public sealed record Problem(string File, ProblemLocation? Location, string Code, IReadOnlyList<string> Args)
{
    /// <summary>What is wrong (without file or place), in both languages.</summary>
    [JsonIgnore]
    public LocalizedText Text => Messages.Render(Code, Args);

    /// <summary>The whole problem for a reader of <paramref name="language"/>: <c>r.csv: dòng 3, cột D (value), G4.3a: ...</c>.</summary>
    public string In(Language language) =>
        Location is null ? $"{File}: {Text.In(language)}" : $"{File}: {Location.In(language)}: {Text.In(language)}";

    /// <inheritdoc />
    public override string ToString() => In(Language.English);

    /// <summary>Equal when file, place, code and every argument are (a record compares lists by reference).</summary>
    public bool Equals(Problem? other) =>
        other is not null && File == other.File && Equals(Location, other.Location) && Code == other.Code && Args.SequenceEqual(other.Args);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(File, Location, Code, Args.Count);
}
