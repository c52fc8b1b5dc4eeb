using System.IO.Compression;

namespace ParPipeline.Api;

/// <summary>
/// Which content coding an answer goes out in (RFC 9110 §12.5.3 Accept-Encoding): br, else gzip, else identity;
/// only bodies over <see cref="MinimumBytes"/>, where compression pays for its headers and its CPU.
/// </summary>
public static class ContentCoding
{
    public const int MinimumBytes = 1024;

    public const string Brotli = "br";
    public const string Gzip = "gzip";

    /// <summary>The coding to send for <paramref name="acceptEncoding"/>; null for identity.</summary>
    public static string? Choose(string? acceptEncoding, int bodyLength)
    {
        if (bodyLength <= MinimumBytes || string.IsNullOrWhiteSpace(acceptEncoding))
        {
            return null;
        }
        double? br = null, gzip = null, star = null;
        foreach (var (token, q) in QualityValues.Parse(acceptEncoding))
        {
            switch (token)
            {
                case Brotli: br = q; break;
                case Gzip or "x-gzip": gzip = q; break;
                case "*": star = q; break;
            }
        }
        // A coding not named takes the weight of "*", when there is one.
        var (brotliWeight, gzipWeight) = (br ?? star ?? 0, gzip ?? star ?? 0);
        return brotliWeight > 0 && brotliWeight >= gzipWeight ? Brotli : gzipWeight > 0 ? Gzip : null;
    }

    public static byte[] Compress(byte[] body, string coding)
    {
        using var output = new MemoryStream(body.Length / 4);
        using (Stream compressor = coding == Brotli
            ? new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(body);
        }
        return output.ToArray();
    }
}
