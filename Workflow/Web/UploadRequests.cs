using System.Net;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GenderPlan.Workflow.Web;

/// <summary>A file taken from an upload request, or the answer that refuses the request.</summary>
/// <param name="Name">The file's name as the person's computer gave it, without folders.</param>
/// <param name="Content">Its bytes, at most <see cref="ReportLimits.MaxBytes"/>.</param>
/// <param name="Refusal">Set when there is no acceptable file: the answer to give.</param>
public sealed record UploadedFile(string Name, byte[] Content, IResult? Refusal);

/// <summary>
/// What the upload API reads from a request, every part bounded: the caller's language and address, the
/// bearer token, and the one file of a <c>multipart/form-data</c> body, read as a stream and abandoned at the
/// first byte past 5 MB, so a huge body costs no more memory than an acceptable one.
/// </summary>
public sealed class UploadRequests
{
    private const int MaxSections = 8;
    private const int MaxFileNameLength = 200;
    private const int MultipartOverhead = 64 * 1024;

    // Below the large object heap's 85,000 bytes: the pieces of a file being read die young, and only the file
    // itself, allocated once at its exact size, is a large object.
    private const int ChunkBytes = 64 * 1024;
    private readonly ForwardedHeadersMiddleware? _forwarding;

    /// <summary>Creates the reader.</summary>
    public UploadRequests(IOptions<UploadOptions> options)
    {
        if (TryForwarding(options.Value, out var forwarding) && forwarding is not null)
        {
            _forwarding = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(forwarding));
        }
    }

    /// <summary>
    /// ASP.NET Core's forwarded-headers options for <see cref="UploadOptions.KnownProxies"/>: null when none is
    /// configured (the middleware would then believe anyone); false when an entry is neither an address nor a network.
    /// </summary>
    internal static bool TryForwarding(UploadOptions options, out ForwardedHeadersOptions? forwarding)
    {
        forwarding = null;
        if (options.KnownProxies.Count == 0)
        {
            return true;
        }

        var configured = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor,
            ForwardedForHeaderName = string.IsNullOrEmpty(options.ClientAddressHeader) ? ForwardedHeadersDefaults.XForwardedForHeaderName : options.ClientAddressHeader,

            // Walk back through every known proxy to the first address that is not one: that is the caller.
            ForwardLimit = null,
        };

        // The defaults trust loopback; here only what is configured is trusted.
        configured.KnownProxies.Clear();
        configured.KnownIPNetworks.Clear();
        foreach (var entry in options.KnownProxies)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry.Trim(), out var network))
            {
                configured.KnownIPNetworks.Add(network);
            }
            else if (!entry.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(entry.Trim(), out var address))
            {
                configured.KnownProxies.Add(address);
            }
            else
            {
                return false;
            }
        }

        forwarding = configured;
        return true;
    }

    /// <summary>English when the caller's first language is English; Vietnamese otherwise, the officials' language.</summary>
    public static Language LanguageOf(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value)
            .FirstOrDefault();
        return preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Vietnamese;
    }

    /// <summary>The token of <c>Authorization: Bearer T</c>, or null.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length <= 200 ? header[7..].Trim() : null;
    }

    /// <summary>
    /// The caller's address, for counting wrong links: the connection's, or, when the connection comes from a known
    /// proxy, the address that proxy passed on. A header from anyone else is ignored: it could name any address.
    /// </summary>
    public string AddressOf(HttpRequest request)
    {
        // What UseForwardedHeaders would do, here so that the Functions worker and the local host agree; applying it
        // twice changes nothing, since the caller's address is not a known proxy.
        _forwarding?.ApplyForwarders(request.HttpContext);
        var address = request.HttpContext.Connection.RemoteIpAddress;
        return (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString() ?? "unknown";
    }

    /// <summary>Reads the one file of the request, or the refusal: 413 past 5 MB, 400 for anything but one file field.</summary>
    public async Task<UploadedFile> ReadFileAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        var vietnamese = language == Language.Vietnamese;
        if (request.ContentLength > ReportLimits.MaxBytes + MultipartOverhead)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, TooLarge(vietnamese));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return Refused(StatusCodes.Status400BadRequest, vietnamese ? "Hãy gửi tệp báo cáo từ trang gửi báo cáo (multipart/form-data, trường 'file')." : "Send the report from the upload page (multipart/form-data with a 'file' field).");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024, BodyLengthLimit = ReportLimits.MaxBytes + MultipartOverhead };
        try
        {
            for (var count = 0; count < MaxSections && await reader.ReadNextSectionAsync(cancellationToken) is { } section; count++)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition()
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "file")
                {
                    continue;
                }

                var name = Path.GetFileName((disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).Value ?? "").Trim();
                if (name.Length is 0 or > MaxFileNameLength || name.Any(character => char.IsControl(character) || character is '\\' or '/') || name is "." or "..")
                {
                    return Refused(StatusCodes.Status400BadRequest, vietnamese ? "Tên tệp không hợp lệ; hãy đặt lại tên tệp (tối đa 200 ký tự)." : "The file's name cannot be used; rename the file (200 characters at most).");
                }

                return await ReadBoundedAsync(section.Body, cancellationToken) is { } content
                    ? new UploadedFile(name, content, null)
                    : Refused(StatusCodes.Status413PayloadTooLarge, TooLarge(vietnamese));
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // The file's own size is checked above, before the reader's wider limits: this is a malformed or cut-off body.
            return Refused(StatusCodes.Status400BadRequest, vietnamese ? "Tệp gửi lên bị gián đoạn; hãy gửi lại." : "The upload was cut off; send it again.");
        }

        return Refused(StatusCodes.Status400BadRequest, vietnamese ? "Chưa có tệp báo cáo trong yêu cầu (trường 'file')." : "The request has no report file (field 'file').");
    }

    /// <summary>
    /// The bytes of <paramref name="body"/>, or null at the first byte past <see cref="ReportLimits.MaxBytes"/>: read in
    /// small pieces, then copied once into an array of the file's size, never one that grows by doubling.
    /// </summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunks = new List<byte[]>();
        var total = 0;
        var filled = ChunkBytes;
        while (true)
        {
            if (filled == ChunkBytes)
            {
                chunks.Add(new byte[ChunkBytes]);
                filled = 0;
            }

            // Never asks for more than one byte past the limit.
            var wanted = Math.Min(ChunkBytes - filled, ReportLimits.MaxBytes + 1 - total);
            var read = await body.ReadAsync(chunks[^1].AsMemory(filled, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
            total += read;
            if (total > ReportLimits.MaxBytes)
            {
                return null;
            }
        }

        var content = new byte[total];
        for (var index = 0; index < chunks.Count; index++)
        {
            var length = Math.Min(ChunkBytes, total - (index * ChunkBytes));
            chunks[index].AsSpan(0, length).CopyTo(content.AsSpan(index * ChunkBytes));
        }

        return content;
    }

    private static string TooLarge(bool vietnamese) => vietnamese
        ? $"Tệp lớn hơn {ReportLimits.MaxBytes / 1024 / 1024} MB. Một báo cáo chỉ cần vài chục dòng: hãy xóa các trang tính và hình ảnh không cần thiết rồi gửi lại."
        : $"The file is larger than {ReportLimits.MaxBytes / 1024 / 1024} MB. A report needs a few dozen rows: remove extra sheets and images and send it again.";

    private static UploadedFile Refused(int status, string message) => new("", [], UploadHandlers.Error(status, message));
}
