using GenderPlan.Testing;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A real Azurite for the whole test run, started from the repository's node_modules on free loopback
/// ports (or the one named by GENDERPLAN_TEST_STORAGE), and stopped by process id at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString { get; private set; } = "";

    public StorageClients Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("GENDERPLAN_TEST_STORAGE") is { Length: > 0 } given)
        {
            ConnectionString = given;
        }
        else
        {
            _azurite = await AzuriteProcess.StartAsync(RepositoryRoot, TimeSpan.FromSeconds(60));
            ConnectionString = _azurite.ConnectionString;
        }

        Storage = TestStorage.Connect(ConnectionString);
        await Storage.EnsureCreatedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Empties every container and table, so each test starts from nothing.</summary>
    public Task ResetAsync() => Storage.ResetAsync();

    public static string RepositoryRoot => GenderPlan.Testing.RepositoryRoot.Path;
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
