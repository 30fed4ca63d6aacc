namespace GenderPlan.Cli.Tests;

/// <summary>
/// The site folder <c>genderplan dashboard --out site</c> writes, as <c>./local.sh</c> runs it: opened from the disk,
/// every link must lead to a file in it. Its own storage: the steps publish rules and send emails that other tests count.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SiteCommandTests : IClassFixture<CliAzurite>
{
    private readonly CliAzurite _azurite;

    public SiteCommandTests(CliAzurite azurite) => _azurite = azurite;

    [Fact]
    public void Site_written_as_local_sh_writes_it_links_only_to_files_it_holds()
    {
        var storage = _azurite.ConnectionString;
        var site = Directory.CreateTempSubdirectory("genderplan-cli-site-").FullName;

        // The steps of ./local.sh: the district's 2019 report and Tân Cảnh's first half of 2020.
        Cli.Run("rules", "publish", Cli.RulesDirectory, "--storage", storage);
        Cli.Run("upload", Path.Combine(Cli.Samples, "dak-to-2019.csv"), "--unit", "ldtbxh", "--storage", storage);
        Cli.Run("upload", Path.Combine(Cli.Samples, "tan-canh-2020-H1.csv"), "--unit", "ubnd-tan-canh", "--storage", storage);
        Cli.Run("serve", "--once", "--storage", storage, "--outbox", Directory.CreateTempSubdirectory("genderplan-cli-outbox-").FullName);
        var written = Cli.Run("dashboard", "--out", site, "--storage", storage);

        Assert.Equal(ExitCodes.Success, written.Exit);
        var pages = Directory.GetFiles(site, "*.html").Select(Path.GetFileName).ToList();
        Assert.Contains("index.html", pages);
        Assert.Contains("tan-canh.html", pages);
        Assert.Contains("dak-to-2019.html", pages);
        Assert.Contains("xa-dak-to.html", pages);
        // The shipped rules follow the district's plan and Xã Đăk Tô's: the home page lists both, each links its place's page.
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("href=\"dak-to.html\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"xa-dak-to.html\"", index, StringComparison.Ordinal);
        var district = File.ReadAllText(Path.Combine(site, "dak-to.html"));
        Assert.Contains("href=\"tan-canh.html\"", district, StringComparison.Ordinal);
        Assert.Contains("Số liệu năm 2019", district, StringComparison.Ordinal);
        var broken = pages
            .SelectMany(page => LocalLinks(File.ReadAllText(Path.Combine(site, page!))).Select(link => (Page: page, Link: link)))
            .Where(link => !File.Exists(Path.Combine(site, link.Link)))
            .Select(link => $"{link.Page} -> {link.Link}")
            .ToList();
        Assert.Empty(broken);
    }

    /// <summary>The links of a page that lead to another file of the site: anchors' targets and the period choice's options.</summary>
    private static IEnumerable<string> LocalLinks(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "(?:href|<option value)=\"([^\"]*)\"")
            .Select(match => System.Net.WebUtility.HtmlDecode(match.Groups[1].Value))
            .Where(link => link.Length > 0 && !link.StartsWith('#') && !link.StartsWith("data:", StringComparison.Ordinal) && !link.Contains("://", StringComparison.Ordinal) && !link.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(link => link.Split('#', '?')[0])
            .Distinct();
}
