using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenderPlan.Testing;

/// <summary>
/// The shipped plan with one rule's property changed, edited as JSON by the rule's code rather than as text, so a
/// test that needs "G3.1 with another target" keeps working however officials format or reorder the file, and
/// fails with a clear message if the rule it relies on is gone.
/// </summary>
public static class PlanEdits
{
    /// <summary>The shipped Đăk Tô plan's workflow file.</summary>
    public static string ShippedWorkflowPath => System.IO.Path.Combine(RepositoryRoot.Path, "Rules", "dak-to-2016-2020.workflow.json");

    /// <summary><paramref name="workflowJson"/> with <c>Properties.{property}</c> (or a top-level field such as <c>Expression</c>) of rule <paramref name="code"/> set to <paramref name="value"/>.</summary>
    public static string WithRule(string workflowJson, string code, string property, JsonNode value)
    {
        var workflow = JsonNode.Parse(workflowJson)!;
        var rule = workflow["Rules"]!.AsArray().SingleOrDefault(found => found!["RuleName"]!.GetValue<string>() == code)
            ?? throw new InvalidOperationException($"the plan has no rule {code}");
        var owner = rule[property] is not null || property is "Expression" or "ErrorMessage" ? rule.AsObject() : rule["Properties"]!.AsObject();
        owner[property] = value;
        return workflow.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary><paramref name="workflowJson"/> with the plan header's <c>Plan.{property}</c> (such as <c>path</c>) set to <paramref name="value"/>.</summary>
    public static string WithPlan(string workflowJson, string property, JsonNode value)
    {
        var workflow = JsonNode.Parse(workflowJson)!;
        workflow["Plan"]![property] = value;
        return workflow.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The shipped plan with one header property changed: <c>ShippedWithPlan("path", "compound")</c>.</summary>
    public static string ShippedWithPlan(string property, JsonNode value) => WithPlan(File.ReadAllText(ShippedWorkflowPath), property, value);

    /// <summary>The shipped plan with one rule's property changed.</summary>
    public static string ShippedWithRule(string code, string property, JsonNode value) => WithRule(File.ReadAllText(ShippedWorkflowPath), code, property, value);
}
