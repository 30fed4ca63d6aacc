using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// A refused file's problems as the upload log keeps them: the problems themselves (file, place, code,
/// arguments), not their words, so the status API places and words them in the caller's language exactly as
/// it does for a file refused by the page. A Table property holds at most 32K characters, so the list is cut
/// by construction: at most <see cref="MaxProblems"/>, long arguments shortened, and never more than
/// <see cref="MaxChars"/> in all; <see cref="More"/> counts what was left out.
/// </summary>
/// <param name="Problems">The problems kept, in the order found.</param>
/// <param name="More">How many more there were, not kept.</param>
public sealed record StoredProblems(IReadOnlyList<Problem> Problems, int More)
{
    /// <summary>The most problems kept: the page and the emails show fewer still.</summary>
    public const int MaxProblems = 100;

    /// <summary>The longest JSON written, under a Table string property's 32K characters.</summary>
    public const int MaxChars = 30_000;

    /// <summary>Quoted cell text beyond this is cut: a cell may hold 32,767 characters.</summary>
    private const int MaxArgChars = 500;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Vietnamese as written, not \u-escaped: six times shorter, and this JSON never reaches a page unencoded.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The JSON of <paramref name="problems"/>, within <see cref="MaxChars"/>.</summary>
    public static string ToJson(IReadOnlyList<Problem> problems)
    {
        var kept = new List<Problem>();
        var length = JsonSerializer.Serialize(new StoredProblems([], problems.Count), Options).Length;
        foreach (var problem in problems.Take(MaxProblems))
        {
            var bounded = Bounded(problem);
            var added = JsonSerializer.Serialize(bounded, Options).Length + 1;
            if (length + added > MaxChars)
            {
                break;
            }

            kept.Add(bounded);
            length += added;
        }

        return JsonSerializer.Serialize(new StoredProblems(kept, Hidden(problems, kept.Count)), Options);
    }

    /// <summary>The problems in <paramref name="json"/>; none for null or empty.</summary>
    public static StoredProblems FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new StoredProblems([], 0) : JsonSerializer.Deserialize<StoredProblems>(json, Options) ?? new StoredProblems([], 0);

    /// <summary>
    /// How many were left out. The reader's own last line ("... and 57 more") stands for problems never listed:
    /// when it is cut, its count is carried rather than counted as one.
    /// </summary>
    private static int Hidden(IReadOnlyList<Problem> problems, int kept)
    {
        var hidden = problems.Count - kept;
        if (hidden > 0 && problems[^1] is { Code: var code, Args: [var count] } && code == Messages.TooManyProblems.Code && int.TryParse(count, out var more))
        {
            hidden += more - 1;
        }

        return hidden;
    }

    private static Problem Bounded(Problem problem) =>
        problem.Args.Any(arg => arg.Length > MaxArgChars)
            ? problem with { Args = [.. problem.Args.Select(arg => arg.Length > MaxArgChars ? arg[..MaxArgChars] + "…" : arg)] }
            : problem;

    /// <summary>Equal when the same problems, in order, and the same count left out.</summary>
    public bool Equals(StoredProblems? other) => other is not null && More == other.More && Problems.SequenceEqual(other.Problems);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Problems.Count, More);
}
