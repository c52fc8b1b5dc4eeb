using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ParPipeline.Api;

namespace ParPipeline.Functions.Http;

/// <summary>Publishes one index-year's reports on demand; function-level key, as every admin route.</summary>
public sealed class ApiPublishReports(ReportCommands commands)
{
    [Function(nameof(ApiPublishReports))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/reports/{index}/{year}")] HttpRequest request,
        string index, string year) =>
        new ApiResponseResult(await commands.PublishAsync(index, year, request.HttpContext.RequestAborted));
}
