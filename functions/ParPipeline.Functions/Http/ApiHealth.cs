using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ParPipeline.Api;

namespace ParPipeline.Functions.Http;

public sealed class ApiHealth(HealthQuery health)
{
    [Function(nameof(ApiHealth))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new ApiResponseResult(await health.CheckAsync(request.HttpContext.RequestAborted));
}
