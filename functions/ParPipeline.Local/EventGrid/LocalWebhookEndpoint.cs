using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using ParPipeline.Api;
using ParPipeline.Http;
using ParPipeline.Local.Http;

namespace ParPipeline.Local.EventGrid;

/// <summary>
/// <c>POST /runtime/webhooks/{extension}</c> on the local Kestrel, as the Functions host serves it: the system key
/// (here the admin key, as <c>?code=</c>, the way infra/'s Event Grid subscription sends the blobs_extension key),
/// then the request as an HttpRequestMessage to the extension's converter and its answer back.
/// </summary>
internal static class LocalWebhookEndpoint
{
    public static IEndpointRouteBuilder MapExtensionWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LocalWebhooks.PathPrefix + "{extension}", async (HttpContext http, string extension, LocalWebhooks webhooks, AdminKey key) =>
        {
            if (!key.Accepts(http.Request.Query[ApiRequest.KeyParameter].ToString()))
            {
                await http.Response.WriteAsync(ApiResponse.Problem(401, "ADMIN_KEY_REQUIRED", "Key required",
                    "Extension webhooks need the local host's admin key as ?code=, as the Functions host wants the extension's system key."), http.RequestAborted);
                return;
            }
            if (webhooks.Find(extension) is not { } handler)
            {
                await http.Response.WriteAsync(ApiResponse.Problem(404, "NOT_FOUND", "No such webhook", "No extension serves this webhook: the blob extension serves /runtime/webhooks/blobs."), http.RequestAborted);
                return;
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(http.Request.GetDisplayUrl()))
            {
                Content = new StreamContent(http.Request.Body),
            };
            foreach (var (name, value) in http.Request.Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value))
                {
                    request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value);
                }
            }
            using var response = await handler.ConvertAsync(request, http.RequestAborted);
            http.Response.StatusCode = (int)response.StatusCode;
            if (response.Content is not null)
            {
                await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
            }
        });
        return endpoints;
    }
}
