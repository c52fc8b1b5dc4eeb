using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using ParPipeline.Api;
using ParPipeline.Functions.Http;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary>
/// The Azure app's HTTP functions, invoked with an HttpContext as the Functions worker invokes them, answer the
/// same status, headers and bytes as the local host for the same requests.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiParityTests(AzuriteFixture azurite)
{
    private static readonly string[] Requests =
    [
        "GET api/health", "GET api/indices", "GET api/openapi.json",
        "GET api/rankings/PAR/2023", "GET api/rankings/par/2023?region=Southeast&sort=-score", "GET api/rankings/PAR/2023?group=cities&format=csv",
        "GET api/rankings/SIPAS/2023", "GET api/rankings/PAR-MINISTRIES/2023", "GET api/rankings/PAR/1999", "GET api/rankings/HDI/2023",
        "GET api/rankings/PAR/twenty", "GET api/rankings/PAR/2023?sort=best", "GET api/rankings/PAR/2023?regoin=x",
        "GET api/units", "GET api/units?kind=province&year=2025", "GET api/units/48", "GET api/units/da-nang", "GET api/units/Da%20Nag",
        "GET api/units/MOJ", "GET api/units/48/history", "GET api/units/48/history?index=SIPAS", "GET api/compare?units=48,31&index=PAR&from=2022",
        "GET api/compare?units=Atlantis", "GET api/movers/PAR/2023?top=3", "GET api/movers/SIPAS/2023?by=points", "GET api/movers/PAR/2023?top=0",
        "GET api/criteria/PAR/2023", "GET api/criteria/PAR/2023?format=csv", "GET api/criteria/PAR/2021", "GET api/criteria/PAR/2023/1.10",
        "GET api/criteria/PAR/2023/1.1 | Accept: text/csv", "GET api/criteria/PAR/2023/7.7", "GET api/units/48/criteria/PAR/2023",
        "GET api/units/L%C3%A0o%20Cai/criteria/PAR/2023", "GET api/units/MOJ/criteria/PAR/2023", "GET api/units/48/criteria/PAR/2023?format=csv | Accept-Encoding: gzip",
        "GET api/ingestions", "GET api/ingestions?status=ingested&top=2", "GET api/ingestions?status=lost",
        "GET api/ingestions/rejected-example.csv", "GET api/ingestions/PAR%2F2023%2Fpar-index-2023-provinces.xlsx", "GET api/ingestions/nothing.csv",
        "GET api/ingestions/rejected-example.csv/report", "GET api/ingestions/par-index-2023-provinces.xlsx/report",
        "POST api/manage/reports/PAR/2023", "POST api/manage/reports/PAR/1999", "POST api/manage/redrive", "GET api/manage/status",
        // HTTP as consumers use it: HEAD, other methods, CORS, compression, content negotiation, names, bad paths.
        "HEAD api/rankings/PAR/2023", "HEAD api/units/Atlantis", "DELETE api/units", "OPTIONS api/indices", "GET api/manage/redrive",
        "OPTIONS api/rankings/PAR/2023 | Origin: https://dash.example.vn | Access-Control-Request-Method: GET | Access-Control-Request-Headers: if-none-match",
        "OPTIONS api/units | Origin: https://dash.example.vn | Access-Control-Request-Method: PUT",
        "GET api/units/48 | Origin: https://dash.example.vn", "POST api/manage/redrive | Origin: https://dash.example.vn",
        "GET api/rankings/PAR/2023 | Accept-Encoding: br", "GET api/rankings/PAR/2023?format=csv | Accept-Encoding: gzip",
        "HEAD api/rankings/SIPAS/2023 | Accept-Encoding: gzip", "GET api/rankings/PAR/2023 | Accept: text/csv",
        "GET api/units/B%E1%BB%99%20T%C6%B0%20ph%C3%A1p", "GET api/units/BTP", "GET api/units/L%C3%A0o%20Cai", "GET api/units/lao-cai?year=2025",
        "GET api/units/", "GET api/units/48/history/", "GET api/rankings/PAR/2023/",
    ];

    public static TheoryData<string> Cases => [.. Requests];

    [Fact]
    public void Every_route_is_exercised_here()
    {
        Assert.All(ApiRoutes.All, route => Assert.Contains(Requests, r => Match(Parse(r).Path.Split('?')[0]["api/".Length..]) is var (m, _) && m == route));
    }

    [Fact]
    public async Task Every_request_gets_the_same_answer_from_both_hosts()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        foreach (var line in Requests)
        {
            var (method, path, headers) = Parse(line);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add("x-functions-key", ApiTestHost.AdminKey);
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            var local = await api.Http.SendAsync(request);
            var localBody = await local.Content.ReadAsByteArrayAsync();
            var azure = await InvokeAzureFunctionAsync(api.Services, method, path, ApiTestHost.AdminKey, null, headers);

            Assert.True((int)local.StatusCode == azure.Status, $"{line}: local {(int)local.StatusCode}, Azure {azure.Status}");
            Assert.Equal(local.Content.Headers.ContentType?.ToString(), azure.ContentType);
            Assert.Equal(local.Headers.ETag?.ToString(), azure.ETag);
            Assert.Equal(local.Headers.CacheControl?.ToString(), azure.CacheControl);
            foreach (var name in new[] { "Allow", "Vary", "Content-Encoding", "Content-Disposition", "Content-Length", "Access-Control-Allow-Origin",
                "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers", "Access-Control-Max-Age" })
            {
                if (name == "Content-Length" && (path.StartsWith("api/ingestions", StringComparison.Ordinal) || path.StartsWith("api/manage", StringComparison.Ordinal)))
                {
                    // Their bodies hold times and latencies of the moment (compared for shape by the contract tests).
                    continue;
                }
                var localValue = local.Headers.TryGetValues(name, out var l) ? string.Join(", ", l)
                    : local.Content.Headers.TryGetValues(name, out var c) ? string.Join(", ", c) : null;
                Assert.True(localValue == azure.Headers.GetValueOrDefault(name), $"{line}: {name} local '{localValue}', Azure '{azure.Headers.GetValueOrDefault(name)}'");
            }
            if (!path.StartsWith("api/ingestions", StringComparison.Ordinal) && !path.StartsWith("api/manage", StringComparison.Ordinal))
            {
                Assert.True(localBody.AsSpan().SequenceEqual(azure.Body), $"{line}: bodies differ");
            }

            if (local.Headers.ETag is { } etag)
            {
                var notModified = await InvokeAzureFunctionAsync(api.Services, method, path, ApiTestHost.AdminKey, etag.ToString(), headers);
                Assert.Equal(304, notModified.Status);
            }
        }
    }

    private static (ApiRoute Route, Dictionary<string, string> Values)? Match(string path)
    {
        // Routing matches a path with one trailing '/' as without it, as ASP.NET Core's does in the Functions host.
        var segments = (path.EndsWith('/') ? path[..^1] : path).Split('/');
        foreach (var route in ApiRoutes.All)
        {
            var template = route.Template.Split('/');
            if (template.Length != segments.Length)
            {
                continue;
            }
            var values = new Dictionary<string, string>();
            var matched = template.Zip(segments).All(pair => pair.First.StartsWith('{')
                ? values.TryAdd(pair.First.Trim('{', '}'), Uri.UnescapeDataString(pair.Second))
                : pair.First == pair.Second);
            if (matched)
            {
                return (route, values);
            }
        }
        return null;
    }

    private static (string Method, string Path, (string Name, string Value)[] Headers) Parse(string line)
    {
        var parts = line.Split(" | ");
        var (method, path) = (parts[0].Split(' ')[0], parts[0].Split(' ')[1]);
        return (method, path, [.. parts.Skip(1).Select(h => (h.Split(": ", 2)[0], h.Split(": ", 2)[1]))]);
    }

    private sealed record Answer(int Status, string? ContentType, string? ETag, string? CacheControl, byte[] Body, Dictionary<string, string> Headers);

    private static async Task<Answer> InvokeAzureFunctionAsync(IServiceProvider services, string method, string pathAndQuery, string? key, string? ifNoneMatch,
        (string Name, string Value)[]? headers = null)
    {
        var path = pathAndQuery.Split('?')[0];
        var (route, values) = Match(path["api/".Length..]) ?? throw new ArgumentException(pathAndQuery);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Path = "/" + Uri.UnescapeDataString(path);
        // The worker sees the target as the client sent it (the Functions host forwards it unchanged).
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = "/" + pathAndQuery;
        context.Request.QueryString = new QueryString(pathAndQuery.Contains('?') ? "?" + pathAndQuery.Split('?', 2)[1] : "");
        context.Request.Query = new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(context.Request.QueryString.Value));
        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }
        foreach (var (name, value) in headers ?? [])
        {
            context.Request.Headers[name] = value;
        }
        context.Response.Body = new MemoryStream();

        var function = typeof(ApiReadFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => (Type: t, Method: m)))
            .Single(f => f.Method.GetCustomAttribute<FunctionAttribute>()?.Name == route.Name);
        var instance = ActivatorUtilities.CreateInstance(services, function.Type);
        var arguments = function.Method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request : (object)values[p.Name!]).ToArray();
        var result = await (Task<IActionResult>)function.Method.Invoke(instance, arguments)!;
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });

        var written = context.Response.Headers;
        return new Answer(context.Response.StatusCode, context.Response.ContentType,
            StringValues.IsNullOrEmpty(written.ETag) ? null : written.ETag.ToString(),
            StringValues.IsNullOrEmpty(written.CacheControl) ? null : written.CacheControl.ToString(),
            ((MemoryStream)context.Response.Body).ToArray(),
            written.Where(h => h.Key is not ("ETag" or "Cache-Control" or "Content-Type" or "X-Content-Type-Options"))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }
}
