
namespace GenderPlan.Cli;

/// <summary>
/// Finds the rules folder when <c>--rules</c> is not given: <c>GENDERPLAN_RULES</c>, else the repository's
/// <c>Rules/</c> above the current folder or above the program itself.
/// </summary>
public static class RulesLocator
{
    /// <summary>The environment variable that names the rules folder.</summary>
    public const string EnvironmentVariable = "GENDERPLAN_RULES";

    /// <summary>The rules folder to use.</summary>
    public static string Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "Rules");
                if (File.Exists(Path.Combine(candidate, "units.json")))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "Rules");
    }
}
