namespace GenderPlan.Core.Text;

/// <summary>What the rules loader and the rules page say about rules.</summary>
public static partial class Messages
{
#pragma warning disable CS1591 // Each entry's code and words are its documentation.
    /// <summary>
    /// A rules file's mistake, worded by the loader (its messages are many and one-off, and the loader is being
    /// made schema-driven, so it keeps its words as the argument until then).
    /// </summary>
    public static readonly MessageTemplate RulesInvalid = new("rules.invalid", "{0}", "{0}");
    public static readonly MessageTemplate JsonNotUtf8 = new("json.not-utf8", "tệp không phải là văn bản UTF-8; đề nghị lưu lại với mã UTF-8", "the file is not UTF-8 text; save it again as UTF-8");
    public static readonly MessageTemplate RulesTooManyEdits = new("rules.too-many-edits", "tối đa {0} thay đổi một lần", "at most {0} changes at once");
    public static readonly MessageTemplate RulesNoIndicator = new("rules.no-indicator", "không có chỉ tiêu {0}", "there is no indicator {0}");
    public static readonly MessageTemplate RulesIndicatorInSeveralPlans = new("rules.indicator-in-several-plans", "chỉ tiêu {0} có trong nhiều kế hoạch ({1}): cần ghi rõ kế hoạch", "indicator {0} is in several plans ({1}): name the plan");
    public static readonly MessageTemplate RulesNoUnit = new("rules.no-unit", "không có đơn vị {0}", "there is no unit {0}");
    public static readonly MessageTemplate RulesNotANumber = new("rules.not-a-number", "'{0}' không phải là một số (viết ví dụ 96,5)", "'{0}' is not a number");
#pragma warning restore CS1591
}
