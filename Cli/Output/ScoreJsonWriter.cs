using System.Text.Encodings.Web;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Cli.Output;

/// <summary>
/// Streams <c>score --json</c>: <c>{"reports":[...]}</c>, one report at a time so that ten thousand files
/// never sit in memory together. Vietnamese stays readable (no \u escapes).
/// </summary>
public sealed class ScoreJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Utf8JsonWriter _writer;
    private readonly Stream _stream;
    private readonly TextWriter _text;

    /// <summary>Starts the document on <paramref name="output"/>.</summary>
    public ScoreJsonWriter(TextWriter output)
    {
        _text = output;
        _stream = new MemoryStream();
        _writer = new Utf8JsonWriter(_stream, Options);
        _writer.WriteStartObject();
        _writer.WriteStartArray("reports");
    }

    /// <summary>Writes one scored report.</summary>
    public void Write(Scorecard card)
    {
        _writer.WriteStartObject();
        _writer.WriteString("file", card.File);
        _writer.WriteString("period", card.Period.ToString());
        _writer.WriteString("jurisdiction", card.Jurisdiction);
        _writer.WriteString("plan", card.PlanId);
        _writer.WriteString("rulesVersion", card.RulesVersion);
        _writer.WriteStartArray("results");
        foreach (var score in card.Scores)
        {
            WriteScore(score);
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        Flush();
    }

    /// <summary>Closes the document.</summary>
    public void Complete()
    {
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        Flush();
        _text.WriteLine();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void WriteScore(IndicatorScore score)
    {
        var indicator = score.Indicator;
        _writer.WriteStartObject();
        _writer.WriteString("indicator", indicator.Code);
        _writer.WriteString("status", score.Status.Word());
        WriteNumber("value", score.Value);
        if (indicator.Unit.IsCategory && score.Value is { } level)
        {
            _writer.WriteString("category", indicator.CategoryAt(level)?.Name.Vi);
        }

        _writer.WriteString("unit", indicator.Unit.Id);
        // The target the period is judged against: the milestone in force (the rule's only target when it has one).
        var milestone = score.Milestone;
        WriteNumber("target", milestone.Target);
        _writer.WriteStartObject("milestone");
        _writer.WriteNumber("year", milestone.Year);
        _writer.WriteNumber("target", milestone.Target);
        _writer.WriteEndObject();
        _writer.WriteStartArray("milestones");
        foreach (var each in indicator.Milestones)
        {
            _writer.WriteStartObject();
            _writer.WriteNumber("year", each.Year);
            _writer.WriteNumber("target", each.Target);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        WriteNumber("baseline", indicator.Baseline);
        if (score.ProgressRatio is { } ratio)
        {
            _writer.WriteNumber("progressRatio", Math.Round(ratio, 4));
        }
        else
        {
            _writer.WriteNull("progressRatio");
        }

        WriteNumber("expected", score.Expected);
        if (score.Interval is { } interval)
        {
            // Only where the report gave numerator and denominator: a rate's 95% range by chance alone.
            _writer.WriteStartObject("interval");
            _writer.WriteNumber("low", interval.Low);
            _writer.WriteNumber("high", interval.High);
            _writer.WriteEndObject();
            _writer.WriteBoolean("withinNoise", score.WithinNoise);
        }
        _writer.WriteString("lead", indicator.Lead);
        _writer.WriteStartArray("coordinating");
        foreach (var unit in indicator.Coordinating)
        {
            _writer.WriteStringValue(unit);
        }

        _writer.WriteEndArray();
        var explanation = ScoreExplainer.Explain(score);
        _writer.WriteStartObject("explanation");
        _writer.WriteString("vi", explanation.Vi);
        _writer.WriteString("en", explanation.En);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    private void WriteNumber(string name, decimal? value)
    {
        if (value is { } number)
        {
            _writer.WriteNumber(name, number);
        }
        else
        {
            _writer.WriteNull(name);
        }
    }

    private void Flush()
    {
        _writer.Flush();
        _text.Write(System.Text.Encoding.UTF8.GetString(((MemoryStream)_stream).GetBuffer(), 0, (int)_stream.Length));
        _stream.SetLength(0);
        _text.Flush();
    }
}
