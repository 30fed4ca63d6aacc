using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
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
/// bearer token, and the one file of a <c>multipart/form-data</c> body, read as a stream and abandoned as soon
/// as it passes 5 MB, so a huge body costs no more memory than an acceptable one.
/// </summary>
public sealed class UploadRequests
{
    private const int MaxSections = 8;
    private const int MaxFileNameLength = 200;
    private const int MultipartOverhead = 64 * 1024;
    private readonly UploadOptions _options;

    /// <summary>Creates the reader.</summary>
    public UploadRequests(IOptions<UploadOptions> options) => _options = options.Value;

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

    /// <summary>The caller's address, for counting wrong links: the front end's header where one is configured.</summary>
    public string AddressOf(HttpRequest request)
    {
        if (!string.IsNullOrEmpty(_options.ClientAddressHeader) && request.Headers[_options.ClientAddressHeader].ToString() is { Length: > 0 and <= 1000 } forwarded)
        {
            // The last entry is the one the front end added; earlier ones are whatever the caller wrote.
            var last = forwarded.Split(',')[^1].Trim();
            return System.Net.IPEndPoint.TryParse(last, out var endpoint) ? endpoint.Address.ToString() : last;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
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

                using var content = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (content.Length + read > ReportLimits.MaxBytes)
                    {
                        return Refused(StatusCodes.Status413PayloadTooLarge, TooLarge(vietnamese));
                    }

                    content.Write(buffer, 0, read);
                }

                return new UploadedFile(name, content.ToArray(), null);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // The file's own size is checked above, before the reader's wider limits: this is a malformed or cut-off body.
            return Refused(StatusCodes.Status400BadRequest, vietnamese ? "Tệp gửi lên bị gián đoạn; hãy gửi lại." : "The upload was cut off; send it again.");
        }

        return Refused(StatusCodes.Status400BadRequest, vietnamese ? "Chưa có tệp báo cáo trong yêu cầu (trường 'file')." : "The request has no report file (field 'file').");
    }

    private static string TooLarge(bool vietnamese) => vietnamese
        ? $"Tệp lớn hơn {ReportLimits.MaxBytes / 1024 / 1024} MB. Một báo cáo chỉ cần vài chục dòng: hãy xóa các trang tính và hình ảnh không cần thiết rồi gửi lại."
        : $"The file is larger than {ReportLimits.MaxBytes / 1024 / 1024} MB. A report needs a few dozen rows: remove extra sheets and images and send it again.";

    private static UploadedFile Refused(int status, string message) => new("", [], UploadHandlers.Error(status, message));
}
