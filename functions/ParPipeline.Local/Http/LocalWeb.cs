using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using ParPipeline.Local.EventGrid;

namespace ParPipeline.Local.Http;

/// <summary>Kestrel on loopback with request limits, the mirrored reports site at <c>/reports/</c>, the API at <c>/api</c>.</summary>
internal static class LocalWeb
{
    public static IWebHostBuilder Configure(IWebHostBuilder web, int port, string reportsFolder) => web
        .UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            // No route reads a body; query strings are bounded by the handlers (ApiParameters).
            kestrel.Limits.MaxRequestBodySize = LocalApi.MaxBodyBytes;
            // Above LocalApi.MaxTargetLength, which answers 414 with a problem body (Kestrel's own 414 has none).
            kestrel.Limits.MaxRequestLineSize = 4 * LocalApi.MaxTargetLength;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        })
        .Configure(app => app
            .Use(LocalApi.RefuseLargeBodies)
            .Use(LocalApi.RefuseLongTargets)
            // The mirrored reports, so a browser opens them from the same origin as the API (and the benchmark
            // has a static file on the same Kestrel to measure the API against).
            // index.html is the directory page, as the storage account's static website serves it in Azure
            // (infra/hooks/postdeploy.sh sets its index document); /reports redirects to /reports/.
            .UseFileServer(new FileServerOptions
            {
                FileProvider = new PhysicalFileProvider(Directory.CreateDirectory(reportsFolder).FullName),
                RequestPath = "/reports",
                EnableDefaultFiles = true,
            })
            .UseRouting()
            .UseEndpoints(endpoints => endpoints.MapPipelineApi().MapExtensionWebhooks()));
}
