using System.Net;
using System.Text;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary>
/// "Requests are bounded", held at each documented limit and one past it: 16 query parameters, 256 characters a
/// name or value, 32 KiB of request headers. A test well over a limit passes for any limit below it; these fail
/// when a limit moves either way.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestLimitsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sixteen_query_parameters_pass_the_count_and_seventeen_are_refused()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        string Query(int count) => "api/units?" + string.Join('&', Enumerable.Range(0, count).Select(i => $"p{i}=1"));

        // At the limit the count passes, and the first unknown name is what is refused.
        var (atLimit, atLimitProblem) = await api.GetJsonAsync(Query(16));
        Assert.Equal((HttpStatusCode.BadRequest, "UNKNOWN_PARAMETER", "Unknown query parameter 'p0'; this route takes kind, year."),
            (atLimit.StatusCode, atLimitProblem.GetProperty("code").GetString(), atLimitProblem.GetProperty("detail").GetString()));
        var (over, overProblem) = await api.GetJsonAsync(Query(17));
        Assert.Equal((HttpStatusCode.BadRequest, "TOO_MANY_PARAMETERS", "A request takes at most 16 query parameters; this one has 17."),
            (over.StatusCode, overProblem.GetProperty("code").GetString(), overProblem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_value_or_a_name_of_256_characters_passes_the_length_check_and_257_are_refused()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        async Task<(string? Code, string? Detail)> ProblemAsync(string path)
        {
            var (response, problem) = await api.GetJsonAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString());
        }

        Assert.Equal("BAD_PARAMETER", (await ProblemAsync("api/units?kind=" + new string('x', 256))).Code);
        Assert.Equal(("PARAMETER_TOO_LONG", "Query parameter 'kind' is longer than 256 characters."), await ProblemAsync("api/units?kind=" + new string('x', 257)));
        Assert.Equal("UNKNOWN_PARAMETER", (await ProblemAsync($"api/units?{new string('n', 256)}=1")).Code);
        Assert.Equal("PARAMETER_TOO_LONG", (await ProblemAsync($"api/units?{new string('n', 257)}=1")).Code);
    }

    [Fact]
    public async Task Request_headers_of_32_KiB_are_served_and_one_byte_more_is_431()
    {
        // The local host sets Kestrel's MaxRequestHeadersTotalSize to 32 KiB (LocalWeb). Kestrel counts the header
        // lines, each with its CRLF (Http1Connection.TakeMessageHeaders subtracts what ParseHeaders consumed), and
        // not the empty line that ends them: measured, lines of 32,768 bytes are served and 32,769 are not.
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        Assert.StartsWith("HTTP/1.1 200 OK", await SendAsync(api, 32 * 1024), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 431 Request Header Fields Too Large", await SendAsync(api, (32 * 1024) + 1), StringComparison.Ordinal);
    }

    /// <summary>GET /api/health on a raw socket with header lines of exactly <paramref name="headerBytes"/> bytes
    /// (each line with its CRLF), then the empty line.</summary>
    private static async Task<string> SendAsync(ApiTestHost api, int headerBytes)
    {
        const string fixedHeaders = "Host: localhost\r\nConnection: close\r\nX-Fill: ";
        var lines = $"{fixedHeaders}{new string('a', headerBytes - fixedHeaders.Length - 2)}\r\n";
        Assert.Equal(headerBytes, Encoding.ASCII.GetByteCount(lines));
        var headers = lines + "\r\n";
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(api.Http.BaseAddress!.Host, api.Http.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/health HTTP/1.1\r\n" + headers));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
