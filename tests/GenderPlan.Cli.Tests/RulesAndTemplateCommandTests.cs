using GenderPlan.Core.Reports;
using GenderPlan.Core.Rules;

namespace GenderPlan.Cli.Tests;

public class RulesAndTemplateCommandTests
{
    [Fact]
    public void Rules_check_exits_0_and_summarises_valid_rules()
    {
        var (exit, output, _) = Cli.Run("rules", "check", Cli.RulesDirectory);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("plan dak-to-2016-2020: 2016-2020, 28 indicators, 10 jurisdictions", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_check_exits_2_listing_every_problem()
    {
        var rules = Directory.CreateTempSubdirectory("genderplan-rules-").FullName;
        File.WriteAllText(Path.Combine(rules, "units.json"), """{ "units": [ { "id": "yte", "name": "Phòng Y tế", "emails": [] } ] }""");
        File.Copy(Path.Combine(Cli.RulesDirectory, "dak-to-2016-2020.workflow.json"), Path.Combine(rules, "dak-to-2016-2020.workflow.json"));

        var (exit, _, error) = Cli.Run("rules", "check", rules);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("units.json: unit yte.emails: needs at least one address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_lists_every_code_with_its_Vietnamese_name()
    {
        var (exit, output, _) = Cli.Run("template");

        Assert.Equal(ExitCodes.Success, exit);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,jurisdiction,indicator,name,value,numerator,denominator,note", lines[0]);
        Assert.Equal(29, lines.Length);
        Assert.Contains(",,G4.1,Tỷ số giới tính khi sinh,,,,", lines);
    }

    [Fact]
    public void Excel_template_filled_in_scores()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("genderplan-template-").FullName, "bao-cao.xlsx");
        var (exit, _, _) = Cli.Run("template", "--format", "xlsx", "--out", path, "--period", "2019", "--jurisdiction", "tan-canh");
        Assert.Equal(ExitCodes.Success, exit);

        var rules = RuleBookLoader.LoadDirectory(Cli.RulesDirectory).RuleBook!;
        var blank = ReportReader.Read(path, File.ReadAllBytes(path), rules);

        // A blank template is well formed: the only complaint is that no value was filled in.
        Assert.Contains("no indicator has a value", Assert.Single(blank.Problems).Text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--period", "2019-H3")]
    [InlineData("--period", "2030")]
    [InlineData("--jurisdiction", "ha-noi")]
    [InlineData("--format", "xlsx")]
    public void Template_with_a_wrong_option_exits_2(string option, string value)
    {
        Assert.Equal(ExitCodes.Invalid, Cli.Run("template", option, value).Exit);
    }
}
