namespace GenderPlan.Core.Domain;

/// <summary>
/// The path from an indicator's baseline to its target that a report is measured against (<c>Plan.path</c>). Officials
/// compute "kỳ này cần đạt" on the straight line, so that is the default; the compound path of the UN SDG Progress
/// Chart is kept for plans that report by that method, because it back-loads progress and so hides an early lag.
/// </summary>
public enum ProgressPath
{
    /// <summary>
    /// The straight line (<c>"linear"</c>): the same step each year, expected = b + (x* − b)·(t − t0)/(T − t0), and
    /// the progress ratio (x − b)/(expected − b), the share of the change due by now that was made.
    /// </summary>
    Linear,

    /// <summary>
    /// Compound growth (<c>"compound"</c>, the UN SDG Progress Chart method of ESCAP): the same growth rate each
    /// year, expected = b·(1 + r)^(t − t0) with r = (x*/b)^(1/(T − t0)) − 1, and the progress ratio
    /// ((x/b)^(1/(t − t0)) − 1)/r, the growth achieved over the growth needed.
    /// </summary>
    Compound,
}

/// <summary>The words of <see cref="ProgressPath"/> in the plan file and in what officials read.</summary>
public static class ProgressPathText
{
    /// <summary>The plan file's word: <c>linear</c> or <c>compound</c>.</summary>
    public static string Word(this ProgressPath path) => path == ProgressPath.Compound ? "compound" : "linear";

    /// <summary>What an official calls the path, as a rules change lists it: "đường thẳng" or "tăng trưởng kép".</summary>
    public static LocalizedText Label(this ProgressPath path) => path == ProgressPath.Compound
        ? new("tăng trưởng kép", "compound growth")
        : new("đường thẳng", "straight line");

    /// <summary>Reads the plan file's word; null for any other.</summary>
    public static ProgressPath? Parse(string? word) => word switch
    {
        "linear" => ProgressPath.Linear,
        "compound" => ProgressPath.Compound,
        _ => null,
    };
}
