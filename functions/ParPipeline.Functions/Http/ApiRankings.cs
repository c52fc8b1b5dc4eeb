using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ParPipeline.Api;

namespace ParPipeline.Functions.Http;

public sealed class ApiRankings(RankingQueries queries)
{
    [Function(nameof(ApiRankings))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rankings/{index}/{year}")] HttpRequest request,
        string index, string year) =>
        new ApiResponseResult(await queries.GetAsync(index, year, request.HttpContext.RequestAborted));
}
