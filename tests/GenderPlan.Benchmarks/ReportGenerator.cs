using System.Globalization;

namespace GenderPlan.Benchmarks;

/// <summary>Writes many valid report files, for measuring memory while <c>genderplan score</c> reads them all.</summary>
internal static class ReportGenerator
{
    public static void Write(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var jurisdictions = new[] { "dak-to", "tt-dak-to", "dak-ro-nga", "dak-tram", "van-lem", "ngok-tu", "kon-dao", "tan-canh", "po-ko", "dien-binh" };
        for (var index = 0; index < count; index++)
        {
            var period = (2016 + (index % 5)).ToString(CultureInfo.InvariantCulture) + (index % 2 == 0 ? "" : "-H1");
            var jurisdiction = jurisdictions[index % jurisdictions.Length];
            File.WriteAllText(Path.Combine(directory, $"report-{index:D5}.csv"), BenchmarkData.ReportFor(period, jurisdiction));
        }
    }
}
