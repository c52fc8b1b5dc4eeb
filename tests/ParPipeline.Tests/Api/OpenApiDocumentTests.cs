using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ParPipeline.Api;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary><c>/api/openapi.json</c> as a client generator reads it: parsed and validated by Microsoft.OpenApi's reader.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_served_document_reads_back_without_errors_and_describes_every_route_and_field()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var response = await api.Http.GetAsync("api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!);

        foreach (var route in ApiRoutes.All)
        {
            var item = Assert.Contains("/" + route.Template, document.Paths);
            var operation = Assert.Single(item.Operations!).Value;
            Assert.Equal(route.Name, operation.OperationId);
            Assert.Equal(route.Template.Count(c => c == '{') + route.Query.Count, operation.Parameters?.Count ?? 0);
            // Admin: a key, in the header or the query. Health: anonymous (security: []). Other reads: anonymous, or a
            // key when the app sets Api__ReadKey (an empty requirement, then the key's).
            var requirements = operation.Security!.Select(r => string.Join(",", r.Keys.Select(k => k.Reference.Id))).ToList();
            Assert.Equal(route.Access == ApiAccess.Admin ? ["functionKey", "functionKeyQuery"]
                : route == ApiRoutes.Health ? [] : ["", "functionKey", "functionKeyQuery"], requirements);
            Assert.Contains("405", operation.Responses!);
            Assert.Equal(route.AllowHeader, operation.Responses!["405"].Headers!["Allow"].Description);
            Assert.Contains("200", operation.Responses!);
        }

        // Field names as the bodies carry them.
        var unitRanking = document.Components!.Schemas!["UnitRanking"];
        Assert.Superset(new HashSet<string> { "unitCode", "unitName", "score", "rank", "of", "national", "region", "cityGroup", "fields", "movement", "firstYear", "likeForLike", "predecessors" },
            unitRanking.Properties!.Keys.ToHashSet());
        Assert.Contains("unitCode", unitRanking.Required!);
        Assert.DoesNotContain("movement", unitRanking.Required!);
        Assert.Contains("text/csv", document.Paths["/rankings/{index}/{year}"].Operations!.Single().Value.Responses!["200"].Content!);
    }
}
