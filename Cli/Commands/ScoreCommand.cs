using System.Diagnostics;
using GenderPlan.Cli.Output;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan score FILE... [--rules PATH] [--json] [--lang vi|en]</c>: validates the rules, then reads
/// and scores each file, one at a time. Exit 0 when nothing falls behind, 1 when something does, 2 when a
/// file or the rules are invalid.
/// </summary>
public static class ScoreCommand
{
    /// <summary>The options of one <c>score</c> call.</summary>
    /// <param name="Files">Files or folders.</param>
    /// <param name="Rules">The rules folder, or null for the default.</param>
    /// <param name="Json">Whether to print JSON.</param>
    /// <param name="Language">The language of the table and messages.</param>
    /// <param name="ErrorLanguage">The language of a rejected file's problems: English unless <c>--lang vi</c> is given.</param>
    public sealed record Options(IReadOnlyList<string> Files, string? Rules, bool Json, Language Language, Language ErrorLanguage = Language.English);

    /// <summary>Runs the command.</summary>
    public static int Run(Options options, CliConsole console)
    {
        var rules = RulesOutcome.Load(options.Rules, console);
        if (rules is null)
        {
            return ExitCodes.Invalid;
        }

        using var json = options.Json ? new ScoreJsonWriter(console.Out) : null;
        var table = options.Json ? null : new ScoreTableWriter(console.Out, options.Language, rules);
        var progress = new Progress(console);
        var invalid = 0;
        var attention = false;
        var count = 0;
        foreach (var file in ReportFiles.Expand(options.Files))
        {
            count++;
            progress.Show(count, file);
            var result = Read(file, rules);
            if (result.Report is not { } report)
            {
                invalid++;
                progress.Clear();
                console.Error.WriteLine($"{file}: rejected, nothing was scored ({result.Problems.Count} problem(s)):");
                foreach (var problem in result.Problems)
                {
                    console.Error.WriteLine("  " + problem.In(options.ErrorLanguage));
                }

                continue;
            }

            var card = Scorer.Score(report);
            attention |= card.NeedsAttention;
            if (json is not null)
            {
                json.Write(card);
            }
            else
            {
                table!.Write(card);
            }
        }

        json?.Complete();
        progress.Clear();
        if (count == 0)
        {
            console.Error.WriteLine("No report file was given.");
            return ExitCodes.Invalid;
        }

        return invalid > 0 ? ExitCodes.Invalid : attention ? ExitCodes.NeedsAttention : ExitCodes.Success;
    }

    private static ReportReadResult Read(string file, RuleBook rules)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return new ReportReadResult(null, [Messages.FileMissing.At(file, null)]);
            }

            // An oversized file is refused before it is read into memory.
            if (ReportReader.CheckSize(file, info.Length) is { } tooLarge)
            {
                return new ReportReadResult(null, [tooLarge]);
            }

            return ReportReader.Read(file, File.ReadAllBytes(file), rules);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ReportReadResult(null, [Messages.FileUnreadable.At(file, null, exception.Message)]);
        }
    }

    /// <summary>Draws "[12/10000] file" on a terminal's standard error, at most ten times a second.</summary>
    private sealed class Progress(CliConsole console)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.MinValue;
        private bool _drawn;

        public void Show(int count, string file)
        {
            if (!console.ErrorIsTerminal || _clock.Elapsed - _last < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            _last = _clock.Elapsed;
            console.Error.Write($"\r\u001b[K[{count}] {file}");
            _drawn = true;
        }

        public void Clear()
        {
            if (_drawn)
            {
                console.Error.Write("\r\u001b[K");
                _drawn = false;
            }
        }
    }
}
