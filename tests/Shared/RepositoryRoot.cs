
namespace GenderPlan.Testing;

/// <summary>The repository's top folder, found from the running binaries or the current folder, so tests and benchmarks read the real Rules/.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder holding GenderPlan.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "GenderPlan.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("GenderPlan.sln was not found above the binaries or the current folder");
    }
}
