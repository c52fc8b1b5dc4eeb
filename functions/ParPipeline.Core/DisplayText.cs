namespace ParPipeline;

/// <summary>How text a client or a queue sent is echoed back in a message: cut short, control characters shown as '?'.</summary>
public static class DisplayText
{
    public static string Clip(string text, int length)
    {
        var clean = new string([.. text.Take(length).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > length ? clean + "…" : clean;
    }
}
