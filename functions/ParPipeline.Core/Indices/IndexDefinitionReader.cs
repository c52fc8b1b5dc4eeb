using System.Text.Json;

namespace ParPipeline.Indices;

/// <summary>
/// Reads one definition file, checking its shape first so that a mistake is named by file and JSON path
/// (<c>fields[3].key</c>) rather than surfacing as a serializer's or a constructor's exception: malformed JSON, a
/// missing or empty value, no <c>total</c>, a duplicate key, a sum over a field that does not exist, a maximum
/// that is not positive, weights that do not add up, and a criteria list that is inconsistent (a duplicate id, a
/// criterion in no component, a component of a sum without criteria, criteria maxima over their component's).
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
            try
            {
                return JsonSerializer.Deserialize<IndexDefinition>(json, Options)!;
            }
            catch (JsonException e)
            {
                throw new IndexDefinitionException(file, e.Path ?? "$", e.Message.Split(" Path:", 2)[0]);
            }
        }
    }

    // The pipeline's options, and what the parse above allows too: comments (a definition says where its figures come
    // from) and trailing commas. Built once and never changed.
    private static readonly JsonSerializerOptions Options = new(PipelineJson.Options)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

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
            // An index may exclude no other's title and check no sum; every other list needs an item.
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
        if (root.TryGetProperty("firstYear", out var first) && first.ValueKind != JsonValueKind.Null &&
            (first.ValueKind != JsonValueKind.Number || !first.TryGetInt32(out var year) || year is < 1990 or > 2100))
        {
            Fail("firstYear", "must be a year");
        }
        Required(root, "", "titles", JsonValueKind.Array);
        // Without these two the record would be built with a null list and fail far from the file.
        Required(root, "", "titleExcludes", JsonValueKind.Array);
        var sums = Required(root, "", "sums", JsonValueKind.Array);
        Required(root, "", "unitHeaders", JsonValueKind.Array);
        Required(root, "", "sources", JsonValueKind.Array);
        var fields = Required(root, "", "fields", JsonValueKind.Array);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var maxima = new Dictionary<string, double?>(StringComparer.Ordinal);
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
            maxima[key] = field.TryGetProperty("maximum", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDouble() : null;
        }
        if (!keys.Contains(IndexDefinition.TotalKey))
        {
            Fail("fields", $"no field has the key '{IndexDefinition.TotalKey}', the score that is ranked");
        }
        // The total's maximum is 100 when the definition leaves it out (IndexDefinition.Maximum).
        maxima[IndexDefinition.TotalKey] ??= 100;
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
            var parts = new List<string>();
            foreach (var part in Required(sum, path, "parts", JsonValueKind.Array).EnumerateArray())
            {
                if (part.ValueKind != JsonValueKind.String || !keys.Contains(part.GetString()!))
                {
                    Fail($"{path}parts[{p}]", $"'{part}' is not a field of this index");
                }
                parts.Add(part.GetString()!);
                p++;
            }
            CheckWeights(sum, path, total, parts, maxima, Fail);
        }
        CheckCriteria(root, keys, maxima, sums, Fail);
    }

    /// <summary>
    /// A weighted sum's weights: one positive number per part, and, where the total and every part have a maximum,
    /// weights that take the parts' maxima to the total's (ten sub-indices of 10 points weighted to 100).
    /// </summary>
    private static void CheckWeights(JsonElement sum, string path, string total, List<string> parts, Dictionary<string, double?> maxima, Action<string, string> fail)
    {
        if (!sum.TryGetProperty("weights", out var weights) || weights.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (weights.ValueKind != JsonValueKind.Array || weights.GetArrayLength() != parts.Count)
        {
            fail(path + "weights", $"must list one weight per part ({parts.Count})");
        }
        var values = new List<double>();
        var w = 0;
        foreach (var weight in weights.EnumerateArray())
        {
            if (weight.ValueKind != JsonValueKind.Number || weight.GetDouble() <= 0)
            {
                fail($"{path}weights[{w}]", "must be a positive number");
            }
            values.Add(weight.GetDouble());
            w++;
        }
        if (maxima[total] is { } top && parts.All(p => maxima[p] is not null))
        {
            var reached = parts.Select((p, i) => values[i] * maxima[p]!.Value).Sum();
            if (Math.Abs(reached - top) > 1e-6 * top)
            {
                fail(path + "weights", $"take the parts' maxima to {reached.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not to the maximum of '{total}' ({top.ToString(System.Globalization.CultureInfo.InvariantCulture)}): the weights do not add up");
            }
        }
    }

    /// <summary>
    /// The criteria list: ids once each, each in a component (a field, not the total) with a positive maximum or
    /// none; every part of a sum rule that has criteria has criteria (a component without them could never be
    /// checked), and a component's criteria can reach no more than its maximum.
    /// </summary>
    private static void CheckCriteria(JsonElement root, HashSet<string> keys, Dictionary<string, double?> maxima, JsonElement sums, Action<string, string> fail)
    {
        if (!root.TryGetProperty("criteria", out var criteria) || criteria.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (criteria.ValueKind != JsonValueKind.Array || criteria.GetArrayLength() == 0)
        {
            fail("criteria", "must be a list of criteria, or left out when no source lists them");
        }
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var byComponent = new Dictionary<string, List<double?>>(StringComparer.Ordinal);
        var i = 0;
        foreach (var criterion in criteria.EnumerateArray())
        {
            var path = $"criteria[{i++}].";
            if (criterion.ValueKind != JsonValueKind.Object)
            {
                fail(path.TrimEnd('.'), "must be an object");
            }
            if (!criterion.TryGetProperty("id", out var idValue) || idValue.ValueKind != JsonValueKind.String || idValue.GetString()!.Trim().Length == 0)
            {
                fail(path + "id", "is missing");
            }
            var id = idValue.GetString()!;
            if (!ids.TryAdd(CriterionKeys.Id(id), id))
            {
                fail(path + "id", $"'{id}' is defined twice");
            }
            foreach (var nameField in new[] { "nameEn", "nameVi" })
            {
                if (criterion.TryGetProperty(nameField, out var name) && name.ValueKind == JsonValueKind.String && Ingest.HeaderText.Key(name.GetString()) is { Length: > 0 } key
                    && !names.TryAdd(key, id) && names[key] != id)
                {
                    fail(path + nameField, $"'{name.GetString()}' also names criterion '{names[key]}'");
                }
            }
            if (!criterion.TryGetProperty("component", out var componentValue) || componentValue.ValueKind != JsonValueKind.String)
            {
                fail(path + "component", "is missing: the key of the field the criterion counts towards");
            }
            var component = componentValue.GetString()!;
            if (!keys.Contains(component) || component == IndexDefinition.TotalKey)
            {
                fail(path + "component", $"'{component}' is not a component of this index (a field other than '{IndexDefinition.TotalKey}')");
            }
            double? maximum = null;
            if (criterion.TryGetProperty("maximum", out var max) && max.ValueKind != JsonValueKind.Null)
            {
                if (max.ValueKind != JsonValueKind.Number || max.GetDouble() <= 0)
                {
                    fail(path + "maximum", "must be a positive number, or null when no source gives it");
                }
                maximum = max.GetDouble();
            }
            (byComponent.TryGetValue(component, out var list) ? list : byComponent[component] = []).Add(maximum);
        }
        var s = 0;
        foreach (var sum in sums.EnumerateArray())
        {
            var parts = sum.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!).ToList();
            if (parts.Any(byComponent.ContainsKey) && parts.FirstOrDefault(p => !byComponent.ContainsKey(p)) is { } bare)
            {
                fail("criteria", $"component '{bare}' has no criteria, while the other parts of sums[{s}] have: list its criteria too");
            }
            s++;
        }
        foreach (var (component, criteriaMaxima) in byComponent)
        {
            if (maxima[component] is { } top && criteriaMaxima.All(m => m is not null) && criteriaMaxima.Sum(m => m!.Value) > top + 1e-9)
            {
                fail("criteria", $"the maxima of the criteria of '{component}' add up to {criteriaMaxima.Sum(m => m!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)}, over its maximum {top.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
    }
}
