using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ParPipeline.Api;
using ParPipeline.Http;

namespace ParPipeline.Functions.Http;

/// <summary>The admin routes: function-level, so the Functions host refuses a request without a key before they run.</summary>
public sealed class ApiAdminFunctions(PipelineApi api)
{
    [Function("ApiIngestions")]
    public async Task<IActionResult> Ingestions(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "ingestions")] HttpRequest request) =>
        new ApiResult(await api.IngestionsAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiIngestionFile")]
    public async Task<IActionResult> IngestionFile(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "ingestions/{file}")] HttpRequest request, string file) =>
        new ApiResult(await api.IngestionFileAsync(file, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiIngestionReport")]
    public async Task<IActionResult> IngestionReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "ingestions/{file}/report")] HttpRequest request, string file) =>
        new ApiResult(await api.IngestionReportAsync(file, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiStatus")]
    public async Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "manage/status")] HttpRequest request) =>
        new ApiResult(await api.StatusAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiRedrive")]
    public async Task<IActionResult> Redrive(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "manage/redrive")] HttpRequest request) =>
        new ApiResult(await api.RedriveAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiPublishReports")]
    public async Task<IActionResult> PublishReports(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "manage/reports/{index}/{year}")] HttpRequest request, string index, string year) =>
        new ApiResult(await api.PublishReportsAsync(index, year, request.ToApiRequest(), request.HttpContext.RequestAborted));
}
