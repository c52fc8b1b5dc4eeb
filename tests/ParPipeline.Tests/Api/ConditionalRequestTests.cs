using System.Text;
using ParPipeline.Api;

namespace ParPipeline.Tests.Api;

/// <summary>
/// If-None-Match as RFC 9110 §13.1.2 has it for GET: weak comparison (a <c>W/</c> tag matches the strong tag of
/// the same value), any tag of a list, <c>*</c> for any current representation; 304 with no body, and nothing
/// but a 200 with a validator is ever turned into one.
/// </summary>
public sealed class ConditionalRequestTests
{
    private static readonly ApiResponse Current = ApiResponse.Bytes("application/json; charset=utf-8", Encoding.UTF8.GetBytes("{\"a\":1}"));
    private static readonly string Tag = Current.ETag!;

    public static TheoryData<string, int> Headers() => new()
    {
        { Tag, 304 },
        { "W/" + Tag, 304 },
        { $"\"other\", W/{Tag}", 304 },
        { $"\"other\",{Tag}", 304 },
        { "*", 304 },
        { "\"other\"", 200 },
        { "W/\"other\"", 200 },
        { "W/", 200 },
        { "\"\"", 200 },
        { Tag[..^2] + "\"", 200 },
        { " ", 200 },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void If_None_Match_is_compared_weakly_against_the_current_tag(string header, int status)
    {
        var answer = Current.For(header);
        Assert.Equal(status, answer.Status);
        Assert.Equal(status == 304 ? 0 : Current.Body.Length, answer.Body.Length);
        // The validator is sent with the 304 as with the 200 (RFC 9110 §15.4.5).
        Assert.Equal(Tag, answer.ETag);
    }

    [Fact]
    public void Only_a_200_with_a_validator_becomes_a_304()
    {
        var problem = ApiResponse.Problem(404, "NOT_FOUND", "Not found", "x");
        Assert.Same(problem, problem.For("*"));
        var uncached = ApiResponse.Bytes("text/plain", [1, 2], cacheable: false);
        Assert.Null(uncached.ETag);
        Assert.Same(uncached, uncached.For("*"));
        Assert.Same(Current, Current.For(null));
    }

    [Fact]
    public void The_tag_is_the_first_128_bits_of_the_bodys_SHA_256_quoted()
    {
        Assert.Equal("\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Current.Body))[..32] + "\"", Tag);
        Assert.NotEqual(Tag, ApiResponse.Bytes("application/json; charset=utf-8", Encoding.UTF8.GetBytes("{\"a\":2}")).ETag);
    }
}
