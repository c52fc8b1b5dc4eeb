using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ParPipeline.Api;
using ParPipeline.Http;

namespace ParPipeline.Functions.Http;

/// <summary>
/// The read routes of <see cref="ApiRoutes"/>, anonymous at the Functions host (the app setting Api__ReadKey
/// makes the handlers ask for a key). Each function is one line into <see cref="PipelineApi"/>.
/// </summary>
public sealed class ApiReadFunctions(PipelineApi api)
{
    [Function("ApiIndices")]
    public async Task<IActionResult> Indices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "indices")] HttpRequest request) =>
        new ApiResult(await api.IndicesAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiRankings")]
    public async Task<IActionResult> Rankings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "rankings/{index}/{year}")] HttpRequest request, string index, string year) =>
        new ApiResult(await api.RankingsAsync(index, year, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiUnits")]
    public async Task<IActionResult> Units(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "units")] HttpRequest request) =>
        new ApiResult(await api.UnitsAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiUnit")]
    public async Task<IActionResult> Unit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "units/{unit}")] HttpRequest request, string unit) =>
        new ApiResult(await api.UnitAsync(unit, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiUnitHistory")]
    public async Task<IActionResult> History(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "units/{unit}/history")] HttpRequest request, string unit) =>
        new ApiResult(await api.HistoryAsync(unit, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiCompare")]
    public async Task<IActionResult> Compare(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "compare")] HttpRequest request) =>
        new ApiResult(await api.CompareAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiMovers")]
    public async Task<IActionResult> Movers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "movers/{index}/{year}")] HttpRequest request, string index, string year) =>
        new ApiResult(await api.MoversAsync(index, year, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiCriteria")]
    public async Task<IActionResult> Criteria(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "criteria/{index}/{year}")] HttpRequest request, string index, string year) =>
        new ApiResult(await api.CriteriaAsync(index, year, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiCriterion")]
    public async Task<IActionResult> Criterion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "criteria/{index}/{year}/{criterion}")] HttpRequest request, string index, string year, string criterion) =>
        new ApiResult(await api.CriterionAsync(index, year, criterion, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiUnitCriteria")]
    public async Task<IActionResult> UnitCriteria(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "units/{unit}/criteria/{index}/{year}")] HttpRequest request, string unit, string index, string year) =>
        new ApiResult(await api.UnitCriteriaAsync(unit, index, year, request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiHealth")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "health")] HttpRequest request) =>
        new ApiResult(await api.HealthAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));

    [Function("ApiOpenApi")]
    public async Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "openapi.json")] HttpRequest request) =>
        new ApiResult(await api.OpenApiAsync(request.ToApiRequest(), request.HttpContext.RequestAborted));
}
