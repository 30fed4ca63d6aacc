using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Hostile upload bodies against the request reader, with no network in between: a body with no length that
/// never ends, a thousand fields, a header bomb, names with folders or control characters. Each is refused
/// with a plain answer, and the body is abandoned as soon as it is known to be too much.
/// </summary>
public sealed class UploadRequestTests
{
    private const string Boundary = "----genderplan-test";
    private readonly UploadRequests _requests = new(Options.Create(new UploadOptions()));

    [Fact]
    public async Task Body_with_no_length_is_abandoned_just_past_5_MB_with_413()
    {
        var body = new CountingStream(Part("file", "big.csv", "text/csv"), fileBytes: 50L * 1024 * 1024);
        var request = Request(body, contentLength: null);

        var file = await _requests.ReadFileAsync(request, Language.Vietnamese, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, await StatusOfAsync(file.Refusal));
        Assert.InRange(body.Served, ReportLimits.MaxBytes, ReportLimits.MaxBytes + (1024 * 1024));
    }

    [Fact]
    public async Task Declared_length_over_the_limit_is_refused_before_reading_anything()
    {
        var body = new CountingStream(Part("file", "big.csv", "text/csv"), fileBytes: 10);
        var request = Request(body, contentLength: ReportLimits.MaxBytes * 2L);

        var file = await _requests.ReadFileAsync(request, Language.English, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, await StatusOfAsync(file.Refusal));
        Assert.Equal(0, body.Served);
    }

    [Fact]
    public async Task Thousand_fields_without_a_file_are_refused_after_a_few()
    {
        var fields = string.Concat(Enumerable.Range(0, 1000).Select(index => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{index}\"\r\n\r\nx\r\n")) + $"--{Boundary}--\r\n";
        var body = new CountingStream(Encoding.ASCII.GetBytes(fields), fileBytes: 0);

        var file = await _requests.ReadFileAsync(Request(body, fields.Length), Language.English, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, await StatusOfAsync(file.Refusal));
        Assert.True(body.Served < fields.Length / 10, $"read {body.Served} of {fields.Length} bytes");
    }

    [Fact]
    public async Task Section_with_a_header_bomb_is_refused()
    {
        var headers = string.Concat(Enumerable.Range(0, 500).Select(index => $"X-Header-{index}: {new string('a', 100)}\r\n"));
        var text = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n{headers}\r\nperiod\r\n--{Boundary}--\r\n";

        var file = await _requests.ReadFileAsync(Request(new MemoryStream(Encoding.ASCII.GetBytes(text)), text.Length), Language.English, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, await StatusOfAsync(file.Refusal));
    }

    [Theory]
    [InlineData("../../rules/units.json", "units.json")]
    [InlineData("C:\\\\Users\\\\x\\\\Báo cáo 2019.xlsx", null)]
    [InlineData("bad\u0001name.csv", null)]
    public async Task File_name_keeps_no_folder_and_no_control_character(string sent, string? kept)
    {
        var text = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{sent}\"\r\n\r\nperiod\r\n--{Boundary}--\r\n";

        var file = await _requests.ReadFileAsync(Request(new MemoryStream(Encoding.UTF8.GetBytes(text)), null), Language.English, CancellationToken.None);

        if (kept is null)
        {
            Assert.Equal(StatusCodes.Status400BadRequest, await StatusOfAsync(file.Refusal));
        }
        else
        {
            Assert.Null(file.Refusal);
            Assert.Equal(kept, file.Name);
        }
    }

    [Fact]
    public async Task Vietnamese_file_name_and_content_arrive_intact()
    {
        var text = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Báo cáo Tân Cảnh.csv\"\r\nContent-Type: text/csv\r\n\r\nperiod,giá trị\r\n--{Boundary}--\r\n";

        var file = await _requests.ReadFileAsync(Request(new MemoryStream(Encoding.UTF8.GetBytes(text)), null), Language.English, CancellationToken.None);

        Assert.Null(file.Refusal);
        Assert.Equal("Báo cáo Tân Cảnh.csv", file.Name);
        Assert.Equal("period,giá trị", Encoding.UTF8.GetString(file.Content));
    }

    [Fact]
    public async Task Body_that_is_not_multipart_is_refused()
    {
        var request = Request(new MemoryStream("period,value"u8.ToArray()), 12);
        request.ContentType = "text/csv";

        var file = await _requests.ReadFileAsync(request, Language.Vietnamese, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, await StatusOfAsync(file.Refusal));
    }

    private static byte[] Part(string field, string fileName, string contentType) =>
        Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.ContentType = $"multipart/form-data; boundary={Boundary}";
        context.Request.ContentLength = contentLength;
        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private static async Task<int> StatusOfAsync(IResult? result)
    {
        Assert.NotNull(result);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    /// <summary>A request body: a multipart head, then file bytes without end (or as many as asked), counting what was read.</summary>
    private sealed class CountingStream(byte[] head, long fileBytes) : Stream
    {
        private long _position;

        public long Served => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = head.Length + fileBytes;
            var available = (int)Math.Min(count, total - _position);
            for (var index = 0; index < available; index++)
            {
                var at = _position + index;
                buffer[offset + index] = at < head.Length ? head[at] : (byte)'1';
            }

            _position += available;
            return available;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
