using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using GenderPlan.Workflow;

namespace GenderPlan.Functions.Tests;

/// <summary>The names the code uses and the names infra/ declares cannot drift apart.</summary>
public partial class InfrastructureDriftTests
{
    private static readonly string Root = GenderPlan.Testing.RepositoryRoot.Path;
    private static readonly string Bicep = File.ReadAllText(Path.Combine(Root, "infra", "app", "resources.bicep"));

    [Fact]
    public void Bicep_declares_every_container_the_code_uses()
    {
        Assert.Equal(StorageNames.Containers.Order(), QuotedList("containers").Order());
    }

    [Fact]
    public void Bicep_declares_every_table_the_code_uses()
    {
        Assert.Equal(StorageNames.Tables.Order(), QuotedList("tables").Order());
    }

    [Fact]
    public void Event_Grid_subscriptions_target_the_blob_triggers_on_their_containers()
    {
        var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == "blobTrigger")
                .Select(binding => (Function: function.GetProperty("name").GetString()!, Container: binding.GetProperty("path").GetString()!.Split('/')[0])))
            .OrderBy(pair => pair.Function)
            .ToList();
        var declared = BlobTriggerPattern().Matches(Bicep).Select(match => (Function: match.Groups[1].Value, Container: match.Groups[2].Value)).OrderBy(pair => pair.Function).ToList();

        Assert.Equal(metadata, declared);
        Assert.Contains("functionName=Host.Functions.${trigger.function}", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void App_settings_name_what_the_code_reads()
    {
        var settings = AppSettingPattern().Matches(Bicep).Select(match => match.Groups[1].Value).ToList();

        Assert.Contains($"{FunctionNames.StorageConnection}__blobServiceUri", settings);
        Assert.Contains($"{GenderPlan.Workflow.Storage.StorageServiceCollectionExtensions.StorageSetting}__tableServiceUri", settings);
        Assert.Contains($"{GenderPlan.Workflow.Storage.StorageServiceCollectionExtensions.StorageSetting}__clientId", settings);
        foreach (var setting in settings.Where(name => name.StartsWith("GenderPlan__", StringComparison.Ordinal)))
        {
            // A list's entries are numbered (GenderPlan__Uploads__KnownProxies__0): the property is the name before the number.
            var parts = setting.Split("__").Where(part => !part.All(char.IsAsciiDigit)).ToArray();
            var options = parts.Length == 3 ? parts[1] switch
            {
                "Email" => typeof(EmailOptions),
                "Uploads" => typeof(GenderPlan.Workflow.UploadOptions),
                _ => null,
            }
            : typeof(WorkflowOptions);
            Assert.NotNull(options);
            Assert.NotNull(options.GetProperty(parts[^1], BindingFlags.Public | BindingFlags.Instance));
        }

        Assert.Contains("GenderPlan__Email__SendGridApiKey", settings);
        Assert.Contains("GenderPlan__Uploads__PublicUrl", settings);
        Assert.Contains("GenderPlan__Uploads__KnownProxies__0", settings);
        Assert.Contains("@Microsoft.KeyVault(", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitoring_alert_matches_the_log_messages_it_watches()
    {
        var handlers = string.Concat(Directory.GetFiles(Path.Combine(Root, "Workflow"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));

        Assert.Contains("\"Gave up on {Blob}", handlers, StringComparison.Ordinal);
        Assert.Contains("stays pending after attempt {Attempts}", handlers, StringComparison.Ordinal);
        Assert.Contains("message startswith \"Gave up on\"", Bicep, StringComparison.Ordinal);
        Assert.Contains("message has \"stays pending after attempt\"", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_account_allows_no_keys()
    {
        Assert.Contains("allowSharedKeyAccess: false", Bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys(storage", Bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", Bicep, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> QuotedList(string variable)
    {
        var match = Regex.Match(Bicep, $@"var {variable} = \[(?<items>[^\]]*)\]");
        Assert.True(match.Success, $"var {variable} not found in resources.bicep");
        return Regex.Matches(match.Groups["items"].Value, "'([^']+)'").Select(item => item.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"\{ function: '(\w+)', container: '([\w-]+)' \}")]
    private static partial Regex BlobTriggerPattern();

    [GeneratedRegex(@"\{ name: '([\w_]+)', value:")]
    private static partial Regex AppSettingPattern();
}
