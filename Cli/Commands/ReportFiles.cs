using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;

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

    /// <summary>
    /// Reads and scores every file of <paramref name="arguments"/>; each file that does not read is named on standard
    /// error as "{file}: {verdict}:" with every problem, and left out.
    /// </summary>
    public static (List<Scorecard> Cards, bool Rejected) Score(IEnumerable<string> arguments, RuleBook rules, CliConsole console, string verdict)
    {
        var cards = new List<Scorecard>();
        var rejected = false;
        foreach (var file in Expand(arguments))
        {
            var result = File.Exists(file) ? ReportReader.Read(file, File.ReadAllBytes(file), rules) : new ReportReadResult(null, [Messages.FileMissing.At(file, null)]);
            if (result.Report is { } report)
            {
                cards.Add(Scorer.Score(report));
                continue;
            }

            rejected = true;
            console.Error.WriteLine($"{file}: {verdict}:");
            foreach (var problem in result.Problems)
            {
                console.Error.WriteLine("  " + problem);
            }
        }

        return (cards, rejected);
    }
}
