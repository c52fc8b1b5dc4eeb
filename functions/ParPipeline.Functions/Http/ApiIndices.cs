using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ParPipeline.Api;

namespace ParPipeline.Functions.Http;

public sealed class ApiIndices(IndexQueries queries)
{
    [Function(nameof(ApiIndices))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "indices")] HttpRequest request) =>
        new ApiResponseResult(await queries.ListAsync(request.HttpContext.RequestAborted));
}
