using System.Text;

namespace ParPipeline.Ingest;

/// <summary>
/// ExcelDataReader asks for code page 1252 even to read xlsx and csv, and .NET only has it once the
/// code-pages provider is registered. Registering is process-wide and idempotent.
/// </summary>
internal static class CodePages
{
    public static void EnsureRegistered() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
