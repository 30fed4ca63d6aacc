using Microsoft.Extensions.Configuration;

namespace GenderPlan.Workflow.Hosting;

/// <summary>
/// Settings that must be right before the app takes any work. In Azure the SendGrid key is a Key Vault
/// reference; when the reference cannot be resolved (no access, wrong name) the platform passes the
/// reference text itself, and every alert would fail later. Better to refuse to start, loudly.
/// </summary>
public static class StartupChecks
{
    /// <summary>Throws when a setting is unusable.</summary>
    public static void ThrowIfMisconfigured(IConfiguration configuration)
    {
        var key = configuration[$"{EmailOptions.Section}:SendGridApiKey"];
        if (key is not null && key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "The SendGrid key setting is an unresolved Key Vault reference: check that the app's identity can read the secret.");
        }
    }
}
