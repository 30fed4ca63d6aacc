using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;

namespace GenderPlan.Cli;

/// <summary>Loads rules for a command, printing every problem when they are invalid.</summary>
public static class RulesOutcome
{
    /// <summary>The rules, or null after the problems were written to standard error.</summary>
    public static RuleBook? Load(string? rulesOption, CliConsole console)
    {
        var directory = RulesLocator.Resolve(rulesOption);
        var result = RuleBookLoader.LoadDirectory(directory);
        if (result.RuleBook is { } book)
        {
            return book;
        }

        console.Error.WriteLine($"The rules in {directory} are invalid ({result.Problems.Count} problem(s)):");
        foreach (var problem in result.Problems)
        {
            console.Error.WriteLine("  " + problem);
        }

        return null;
    }
}
