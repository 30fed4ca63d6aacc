using System.Text;

namespace GenderPlan.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public static string RepositoryRoot => GenderPlan.Testing.RepositoryRoot.Path;

    public static string Samples => Path.Combine(RepositoryRoot, "Rules", "samples");

    public static string RulesDirectory => Path.Combine(RepositoryRoot, "Rules");

    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, new CliConsole(output, error, ErrorIsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }

    public static string TempFile(string name, string content)
    {
        var directory = Directory.CreateTempSubdirectory("genderplan-cli-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
