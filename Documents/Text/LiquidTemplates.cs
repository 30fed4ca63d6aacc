using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

// Fluid marks its template cache interface experimental (FLUID001). It is how partials can come pre-parsed;
// should it change in a later Fluid, this file stops compiling rather than behaving differently.
#pragma warning disable FLUID001

using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.Text;

/// <summary>
/// The files embedded in Core under one <c>Templates</c> folder: Liquid templates (<c>*.liquid</c>, rendered
/// with Fluid) and the plain files they carry (style sheets, scripts). Every template is parsed once, when the
/// set is made; a parsed Fluid template is immutable, so one set serves every thread. Templates reach each
/// other with <c>{% render 'name' %}</c>: the set is Fluid's file provider and template cache at once, so a
/// partial is never read or parsed again while rendering.
/// </summary>
internal sealed class LiquidTemplates : IFileProvider, ITemplateCache
{
    /// <summary>
    /// Escapes markup characters only: the default encoder would write every "á" as "&amp;#225;", which browsers
    /// and mail clients show but which makes the Vietnamese unreadable in the source.
    /// </summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Writes values as they are, for plain-text parts where there is no markup to escape.</summary>
    public static readonly TextEncoder PlainText = NullEncoder.Default;

    private const string TemplateExtension = ".liquid";

    // Templates are the product's own files: nothing that comes from a report or a rule is ever parsed as one.
    private static readonly FluidParser Parser = new();

    private readonly FrozenDictionary<string, string> _sources;
    private readonly FrozenDictionary<string, IFluidTemplate> _templates;
    private readonly TemplateOptions _options;

    /// <summary>Loads the files under <c>{namespace of <paramref name="owner"/>}.Templates</c>.</summary>
    /// <param name="owner">A type beside the <c>Templates</c> folder.</param>
    /// <param name="models">The types templates may read members of (as snake_case names).</param>
    public LiquidTemplates(Type owner, params Type[] models)
    {
        var assembly = owner.Assembly;
        var prefix = owner.Namespace + ".Templates.";
        _sources = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(resource => resource[prefix.Length..], resource => WithoutFinalLineBreak(Read(assembly, resource)), StringComparer.Ordinal);
        _templates = _sources
            .Where(file => file.Key.EndsWith(TemplateExtension, StringComparison.Ordinal))
            .ToFrozenDictionary(file => file.Key, file => Parse(file.Key, file.Value), StringComparer.Ordinal);
        _options = new TemplateOptions
        {
            FileProvider = this,
            TemplateCache = this,
            // Fluid's strict variables would also refuse a member that is null, and the models use null for
            // "none" (no period yet, a 0/0 value); strict filters at least refuse a misspelt filter.
            StrictFilters = true,
        };
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var model in models)
        {
            _options.MemberAccessStrategy.Register(model);
        }
    }

    /// <summary>A plain embedded file, such as a style sheet.</summary>
    public string File(string name) => _sources.TryGetValue(name, out var text) ? text : throw new FileNotFoundException(name);

    /// <summary>Renders <c>{name}.liquid</c> with the members of <paramref name="model"/> as variables.</summary>
    public string Render(string name, object model, TextEncoder encoder) =>
        _templates.TryGetValue(name + TemplateExtension, out var template)
            ? template.Render(new TemplateContext(model, _options), encoder)
            : throw new FileNotFoundException(name + TemplateExtension);

    private static IFluidTemplate Parse(string name, string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"template {name}: {error}");

    // Files end with a line break as editors write them; like Jinja, the last one is not part of the output,
    // so a partial's markup ends where its last tag does.
    private static string WithoutFinalLineBreak(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    IFileInfo IFileProvider.GetFileInfo(string subpath) =>
        _sources.TryGetValue(subpath, out var text) ? new EmbeddedFile(subpath, text) : new NotFoundFileInfo(subpath);

    IDirectoryContents IFileProvider.GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    IChangeToken IFileProvider.Watch(string filter) => NullChangeToken.Singleton;

    bool ITemplateCache.TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template) =>
        _templates.TryGetValue(subpath, out template!);

    void ITemplateCache.SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template)
    {
        // Every template is parsed up front; there is nothing to add.
    }

    private sealed class EmbeddedFile(string name, string text) : IFileInfo
    {
        public bool Exists => true;

        public long Length => Encoding.UTF8.GetByteCount(text);

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.MinValue;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
    }
}
