using System.Globalization;
using System.Text;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Text;

/// <summary>
/// One entry of the <see cref="Messages"/> catalogue: a code that stays the same whatever the language (it is
/// what is stored and compared), and the words for it in Vietnamese and English with numbered placeholders
/// (<c>{0}</c>, <c>{1}</c>). Only <c>{digits}</c> is a placeholder, so messages quote JSON braces as they are.
/// A language may skip a placeholder: an argument can come in both languages' forms (a period's English and
/// Vietnamese labels), each template picking its own.
/// </summary>
/// <param name="Code">The stable code, <c>area.what</c>: <c>value.not-a-number</c>.</param>
/// <param name="Vi">The Vietnamese words.</param>
/// <param name="En">The English words.</param>
public sealed record MessageTemplate(string Code, string Vi, string En)
{
    /// <summary>
    /// A message not yet written in Vietnamese: officials read the English words until a translator fills
    /// them in (find them by this method's name).
    /// </summary>
    public static MessageTemplate EnglishOnly(string code, string en) => new(code, en, en);

    /// <summary>This message with its arguments, for a <see cref="Problem"/> or an answer.</summary>
    public CodedMessage With(params object[] args) => new(Code, [.. args.Select(Text)]);

    /// <summary>The problem this message describes at <paramref name="location"/> of <paramref name="file"/>.</summary>
    public Problem At(string file, ProblemLocation? location, params object[] args) => new(file, location, Code, [.. args.Select(Text)]);

    /// <summary>The words in both languages, placeholders filled.</summary>
    public LocalizedText Format(IReadOnlyList<string> args) => new(Fill(Vi, args), Fill(En, args));

    /// <summary>The words in <paramref name="language"/>, placeholders filled.</summary>
    public string Format(Language language, params object[] args) => Fill(language == Language.Vietnamese ? Vi : En, [.. args.Select(Text)]);

    private static string Text(object arg) => Convert.ToString(arg, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Replaces each <c>{n}</c> with argument n; a placeholder without its argument is kept as written.</summary>
    private static string Fill(string template, IReadOnlyList<string> args)
    {
        var text = new StringBuilder(template.Length + 32);
        for (var at = 0; at < template.Length; at++)
        {
            var close = template[at] == '{' ? template.IndexOf('}', at + 1) : -1;
            if (close > at + 1 && close - at <= 3 && int.TryParse(template.AsSpan(at + 1, close - at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < args.Count)
            {
                text.Append(args[index]);
                at = close;
                continue;
            }

            text.Append(template[at]);
        }

        return text.ToString();
    }
}

/// <summary>A message as data: its catalogue code and arguments, worded only when shown.</summary>
/// <param name="Code">The <see cref="MessageTemplate.Code"/>.</param>
/// <param name="Args">The placeholder values, as text.</param>
public sealed record CodedMessage(string Code, IReadOnlyList<string> Args)
{
    /// <summary>The words in both languages.</summary>
    public LocalizedText Text => Messages.Render(Code, Args);

    /// <summary>The problem this message describes at <paramref name="location"/> of <paramref name="file"/>.</summary>
    public Problem At(string file, ProblemLocation? location) => new(file, location, Code, Args);
}
