namespace GenderPlan.Core.Domain;

/// <summary>
/// What an indicator's number counts. The unit decides how officials' writing is read: <c>108/100</c> is
/// 108 boys per 100 girls for a per-100 rate, <c>45/100000</c> is 45 per 100,000 live births, <c>29/100</c>
/// is 29 for a percentage, and <c>Không có</c> is zero only for counts.
/// </summary>
public sealed class MeasureUnit
{
    /// <summary>A percentage, 0 to 100.</summary>
    public static readonly MeasureUnit Percent = new("percent", ratioScale: 100m, upperBound: 100m, wholeNumbers: false);

    /// <summary>A rate per 100 (boys per 100 girls, abortions per 100 live births).</summary>
    public static readonly MeasureUnit PerHundred = new("per-100", ratioScale: 100m, upperBound: null, wholeNumbers: false);

    /// <summary>A rate per 100,000 (maternal deaths per 100,000 live births).</summary>
    public static readonly MeasureUnit PerHundredThousand = new("per-100000", ratioScale: 100_000m, upperBound: null, wholeNumbers: false);

    /// <summary>A number of things (products carrying stereotypes); whole and never negative.</summary>
    public static readonly MeasureUnit Count = new("count", ratioScale: null, upperBound: null, wholeNumbers: true);

    /// <summary>A multiple (women's housework time is 1.5 times men's).</summary>
    public static readonly MeasureUnit Times = new("times", ratioScale: 1m, upperBound: null, wholeNumbers: false);

    /// <summary>An ordered category (staffing: none, concurrent, dedicated), scored on its level.</summary>
    public static readonly MeasureUnit Category = new("category", ratioScale: null, upperBound: null, wholeNumbers: true);

    private static readonly MeasureUnit[] All = [Percent, PerHundred, PerHundredThousand, Count, Times, Category];

    private MeasureUnit(string id, decimal? ratioScale, decimal? upperBound, bool wholeNumbers)
    {
        Id = id;
        RatioScale = ratioScale;
        UpperBound = upperBound;
        WholeNumbers = wholeNumbers;
    }

    /// <summary>The rule-file spelling.</summary>
    public string Id { get; }

    /// <summary>What a fraction <c>a/b</c> is multiplied by; null where fractions make no sense.</summary>
    public decimal? RatioScale { get; }

    /// <summary>The largest possible value (100 for percentages), or null.</summary>
    public decimal? UpperBound { get; }

    /// <summary>Whether only whole numbers are meaningful.</summary>
    public bool WholeNumbers { get; }

    /// <summary>Whether values are category words.</summary>
    public bool IsCategory => ReferenceEquals(this, Category);

    /// <summary>The ids a rule file may use.</summary>
    public static IEnumerable<string> KnownIds => All.Select(unit => unit.Id);

    /// <summary>Finds a unit by its rule-file id.</summary>
    public static MeasureUnit? FromId(string? id) => All.FirstOrDefault(unit => unit.Id == id);

    /// <inheritdoc />
    public override string ToString() => Id;
}
