using System.Net;
using System.Net.Sockets;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>A loopback port no one listens on right now (the system picks it), for a host started on a given port.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
