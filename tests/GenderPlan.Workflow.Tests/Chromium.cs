using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>Debian's Chromium (or <c>GENDERPLAN_CHROMIUM</c>), headless, as every page test opens it; Playwright downloads no browser.</summary>
internal static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GENDERPLAN_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
}
