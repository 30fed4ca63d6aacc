using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using GenderPlan.Workflow;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A real Azurite for the whole test run, started from the repository's node_modules on free loopback
/// ports (or the one named by GENDERPLAN_TEST_STORAGE), and stopped by process id at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Process? _process;

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
            var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
            var azurite = Path.Combine(RepositoryRoot, "node_modules", ".bin", "azurite");
            if (!File.Exists(azurite))
            {
                throw new InvalidOperationException($"{azurite} is missing: run 'npm ci' at the repository root");
            }

            var start = new ProcessStartInfo(azurite)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", blob.ToString(), "--queuePort", queue.ToString(), "--tablePort", table.ToString(),
            })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            await WaitForPortAsync(table);
            await WaitForPortAsync(blob);
            const string key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};" +
                $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        }

        Storage = StorageClients.FromConnectionString(ConnectionString);
        await Storage.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Empties every container and table, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await Storage.EnsureCreatedAsync(CancellationToken.None);
        foreach (var name in StorageNames.Containers)
        {
            var container = Storage.Container(name);
            await foreach (var blob in container.GetBlobsAsync())
            {
                await container.DeleteBlobIfExistsAsync(blob.Name);
            }
        }

        foreach (var name in StorageNames.Tables)
        {
            var table = Storage.Table(name);
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GenderPlan.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("GenderPlan.sln not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 60 s");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
