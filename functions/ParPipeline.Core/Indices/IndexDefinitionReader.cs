using System.Text.Json;

namespace ParPipeline.Indices;

/// <summary>
/// Reads one definition file, checking its shape first so that a mistake is named by file and JSON path
/// (<c>fields[3].key</c>) rather than surfacing as a serializer's or a constructor's exception: malformed JSON, a
/// missing or empty value, no <c>total</c>, a duplicate key, a sum over a field that does not exist, a maximum
/// that is not positive.
/// </summary>
public static class IndexDefinitionReader
{
    public static IndexDefinition Read(string file, ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new IndexDefinitionException(file, $"line {e.LineNumber + 1}", $"is not valid JSON ({e.Message.Split(" Path:", 2)[0]})");
        }
        using (document)
        {
            Check(file, document.RootElement);
        }
        try
        {
            return JsonSerializer.Deserialize<IndexDefinition>(json, PipelineJson.Options) ?? throw new IndexDefinitionException(file, "$", "is empty");
        }
        catch (JsonException e)
        {
            throw new IndexDefinitionException(file, e.Path ?? "$", e.Message.Split(" Path:", 2)[0]);
        }
    }

    private static void Check(string file, JsonElement root)
    {
        void Fail(string field, string reason) => throw new IndexDefinitionException(file, field, reason);
        if (root.ValueKind != JsonValueKind.Object)
        {
            Fail("$", "must be an object");
        }
        JsonElement Required(JsonElement parent, string path, string name, JsonValueKind kind)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Fail(path + name, "is missing");
            }
            if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
            {
                Fail(path + name, $"must be {(kind == JsonValueKind.True ? "true or false" : kind.ToString().ToLowerInvariant())}");
            }
            if (kind == JsonValueKind.String && value.GetString()!.Trim().Length == 0)
            {
                Fail(path + name, "is empty");
            }
            if (kind == JsonValueKind.Array && value.GetArrayLength() == 0 && name is not ("sums" or "titleExcludes"))
            {
                Fail(path + name, "is empty");
            }
            return value;
        }
        var code = Required(root, "", "code", JsonValueKind.String).GetString()!;
        if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[A-Z][A-Z0-9-]{1,31}$"))
        {
            Fail("code", $"'{code}' must be capital letters, digits and '-' (it names blob folders, partitions and routes)");
        }
        foreach (var name in new[] { "nameEn", "nameVi", "shortNameEn", "shortNameVi" })
        {
            Required(root, "", name, JsonValueKind.String);
        }
        var kind = Required(root, "", "unitKind", JsonValueKind.String).GetString();
        if (kind is not ("province" or "ministry"))
        {
            Fail("unitKind", $"'{kind}' must be province or ministry");
        }
        var decimals = Required(root, "", "decimals", JsonValueKind.Number);
        if (!decimals.TryGetInt32(out var places) || places is < 0 or > 4)
        {
            Fail("decimals", "must be a whole number from 0 to 4");
        }
        Required(root, "", "higherIsBetter", JsonValueKind.True);
        if (root.TryGetProperty("firstYear", out var first) && first.ValueKind != JsonValueKind.Null && (!first.TryGetInt32(out var year) || year is < 1990 or > 2100))
        {
            Fail("firstYear", "must be a year");
        }
        Required(root, "", "titles", JsonValueKind.Array);
        Required(root, "", "unitHeaders", JsonValueKind.Array);
        Required(root, "", "sources", JsonValueKind.Array);
        var fields = Required(root, "", "fields", JsonValueKind.Array);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var path = $"fields[{i++}].";
            var key = Required(field, path, "key", JsonValueKind.String).GetString()!;
            if (!keys.Add(key))
            {
                Fail(path + "key", $"'{key}' is defined twice");
            }
            Required(field, path, "nameEn", JsonValueKind.String);
            Required(field, path, "nameVi", JsonValueKind.String);
            Required(field, path, "headers", JsonValueKind.Array);
            if (field.TryGetProperty("maximum", out var maximum) && maximum.ValueKind != JsonValueKind.Null && (maximum.ValueKind != JsonValueKind.Number || maximum.GetDouble() <= 0))
            {
                Fail(path + "maximum", "must be a positive number, or null when no source gives it");
            }
        }
        if (!keys.Contains(IndexDefinition.TotalKey))
        {
            Fail("fields", $"no field has the key '{IndexDefinition.TotalKey}', the score that is ranked");
        }
        if (root.TryGetProperty("sums", out var sums) && sums.ValueKind == JsonValueKind.Array)
        {
            var s = 0;
            foreach (var sum in sums.EnumerateArray())
            {
                var path = $"sums[{s++}].";
                var total = Required(sum, path, "total", JsonValueKind.String).GetString()!;
                if (!keys.Contains(total))
                {
                    Fail(path + "total", $"'{total}' is not a field of this index");
                }
                var p = 0;
                foreach (var part in Required(sum, path, "parts", JsonValueKind.Array).EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.String || !keys.Contains(part.GetString()!))
                    {
                        Fail($"{path}parts[{p}]", $"'{part}' is not a field of this index");
                    }
                    p++;
                }
            }
        }
    }
}
