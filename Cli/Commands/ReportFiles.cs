using GenderPlan.Core.Reports;

namespace GenderPlan.Cli.Commands;

/// <summary>Expands the FILE arguments: a folder stands for every report file directly inside it.</summary>
public static class ReportFiles
{
    /// <summary>The files to score, in a stable order; lazily, so a huge folder is not listed up front twice.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                foreach (var file in Directory.EnumerateFiles(argument)
                    .Where(file => ReportReader.Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return argument;
            }
        }
    }
}
