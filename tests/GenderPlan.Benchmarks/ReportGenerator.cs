using System.Globalization;
using System.Text;

namespace GenderPlan.Benchmarks;

/// <summary>Writes many valid report files, for measuring memory while <c>genderplan score</c> reads them all.</summary>
internal static class ReportGenerator
{
    public static void Write(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var jurisdictions = new[] { "dak-to", "tt-dak-to", "dak-ro-nga", "dak-tram", "van-lem", "ngok-tu", "kon-dao", "tan-canh", "po-ko", "dien-binh" };
        var lines = BenchmarkData.FullReport.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var index = 0; index < count; index++)
        {
            var period = (2016 + (index % 5)).ToString(CultureInfo.InvariantCulture) + (index % 2 == 0 ? "" : "-H1");
            var jurisdiction = jurisdictions[index % jurisdictions.Length];
            var text = new StringBuilder(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                text.Append(line.Replace("2019,dak-to,", $"{period},{jurisdiction},", StringComparison.Ordinal)).Append('\n');
            }

            File.WriteAllText(Path.Combine(directory, $"report-{index:D5}.csv"), text.ToString());
        }
    }
}
