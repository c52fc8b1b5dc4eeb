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
        "GET api/rankings/SIPAS/2023", "GET api/rankings/PAR-MINISTRIES/2023", "GET api/rankings/PAR/1999", "GET api/rankings/PAPI/2023",
        "GET api/rankings/PAR/twenty", "GET api/rankings/PAR/2023?sort=best", "GET api/rankings/PAR/2023?regoin=x",
        "GET api/units", "GET api/units?kind=province&year=2025", "GET api/units/48", "GET api/units/da-nang", "GET api/units/Da%20Nag",
        "GET api/units/MOJ", "GET api/units/48/history", "GET api/units/48/history?index=SIPAS", "GET api/compare?units=48,31&index=PAR&from=2022",
        "GET api/compare?units=Atlantis", "GET api/movers/PAR/2023?top=3", "GET api/movers/SIPAS/2023?by=points", "GET api/movers/PAR/2023?top=0",
        "GET api/ingestions", "GET api/ingestions?status=ingested&top=2", "GET api/ingestions?status=lost",
        "POST api/manage/reports/PAR/2023", "POST api/manage/reports/PAR/1999", "POST api/manage/redrive",
    ];

    public static TheoryData<string> Cases => [.. Requests];

    [Fact]
    public void Every_route_is_exercised_here()
    {
        Assert.All(ApiRoutes.All, route => Assert.Contains(Requests, r => Match(r.Split(' ')[1].Split('?')[0]["api/".Length..]) is var (m, _) && m == route));
    }

    [Fact]
    public async Task Every_request_gets_the_same_answer_from_both_hosts()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        foreach (var line in Requests)
        {
            var (method, path) = (line.Split(' ')[0], line.Split(' ')[1]);
            var local = await api.SendAsync(new HttpMethod(method), path, key: ApiTestHost.AdminKey);
            var localBody = await local.Content.ReadAsByteArrayAsync();
            var azure = await InvokeAzureFunctionAsync(api.Services, method, path, ApiTestHost.AdminKey, null);

            Assert.True((int)local.StatusCode == azure.Status, $"{line}: local {(int)local.StatusCode}, Azure {azure.Status}");
            Assert.Equal(local.Content.Headers.ContentType?.ToString(), azure.ContentType);
            Assert.Equal(local.Headers.ETag?.ToString(), azure.ETag);
            Assert.Equal(local.Headers.CacheControl?.ToString(), azure.CacheControl);
            if (!path.StartsWith("api/ingestions", StringComparison.Ordinal) && !path.StartsWith("api/manage", StringComparison.Ordinal))
            {
                Assert.True(localBody.AsSpan().SequenceEqual(azure.Body), $"{line}: bodies differ");
            }

            if (local.Headers.ETag is { } etag)
            {
                var notModified = await InvokeAzureFunctionAsync(api.Services, method, path, null, etag.ToString());
                Assert.Equal(304, notModified.Status);
            }
        }
    }

    private static (ApiRoute Route, Dictionary<string, string> Values)? Match(string path)
    {
        var segments = path.Split('/');
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

    private sealed record Answer(int Status, string? ContentType, string? ETag, string? CacheControl, byte[] Body);

    private static async Task<Answer> InvokeAzureFunctionAsync(IServiceProvider services, string method, string pathAndQuery, string? key, string? ifNoneMatch)
    {
        var path = pathAndQuery.Split('?')[0];
        var (route, values) = Match(path["api/".Length..]) ?? throw new ArgumentException(pathAndQuery);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Path = "/" + path;
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
        context.Response.Body = new MemoryStream();

        var function = typeof(ApiReadFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => (Type: t, Method: m)))
            .Single(f => f.Method.GetCustomAttribute<FunctionAttribute>()?.Name == route.Name);
        var instance = ActivatorUtilities.CreateInstance(services, function.Type);
        var arguments = function.Method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request : (object)values[p.Name!]).ToArray();
        var result = await (Task<IActionResult>)function.Method.Invoke(instance, arguments)!;
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });

        var headers = context.Response.Headers;
        return new Answer(context.Response.StatusCode, context.Response.ContentType,
            StringValues.IsNullOrEmpty(headers.ETag) ? null : headers.ETag.ToString(),
            StringValues.IsNullOrEmpty(headers.CacheControl) ? null : headers.CacheControl.ToString(),
            ((MemoryStream)context.Response.Body).ToArray());
    }
}
