using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ParPipeline.Api;

namespace ParPipeline.Functions.Http;

/// <summary>Writes a Core <see cref="ApiResponse"/> as it is, exactly as the local host does.</summary>
public sealed class ApiResponseResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response { get; } = response;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext.Response;
        http.StatusCode = Response.Status;
        http.ContentType = Response.ContentType;
        http.ContentLength = Response.Body.Length;
        await http.Body.WriteAsync(Response.Body, context.HttpContext.RequestAborted);
    }
}
