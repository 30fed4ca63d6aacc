using System.Text;

namespace GenderPlan.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public static string RepositoryRoot => GenderPlan.Testing.RepositoryRoot.Path;

    public static string Samples => Path.Combine(RepositoryRoot, "Rules", "samples");

    public static string RulesDirectory => Path.Combine(RepositoryRoot, "Rules");

    public static (int Exit, string Out, string Error) Run(params string[] args) => RunOn(TimeProvider.System, args);

    /// <summary>Runs the command line with <paramref name="clock"/> as today.</summary>
    public static (int Exit, string Out, string Error) RunOn(TimeProvider clock, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, new CliConsole(output, error, ErrorIsTerminal: false), clock);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A clock that always reads <paramref name="now"/>.</summary>
    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static string TempFile(string name, string content)
    {
        var directory = Directory.CreateTempSubdirectory("genderplan-cli-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
