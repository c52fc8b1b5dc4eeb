using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ParPipeline.Indices;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/openapi.json</c>: the API described with Microsoft.OpenApi from <see cref="ApiRoutes"/> and the
/// response records themselves (property names as <see cref="PipelineJson"/> writes them), so the document cannot
/// list a route or a field the code does not have.
/// </summary>
public static class OpenApiDescription
{
    private const string KeyScheme = "functionKey";
    private const string KeyQueryScheme = "functionKeyQuery";

    /// <summary>Group of each route in the document, for readers and generated clients.</summary>
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        [ApiRoutes.Indices.Name] = "Rankings", [ApiRoutes.Rankings.Name] = "Rankings", [ApiRoutes.Movers.Name] = "Rankings",
        [ApiRoutes.Criteria.Name] = "Criteria", [ApiRoutes.Criterion.Name] = "Criteria", [ApiRoutes.UnitCriteria.Name] = "Criteria",
        [ApiRoutes.Units.Name] = "Units", [ApiRoutes.Unit.Name] = "Units", [ApiRoutes.History.Name] = "Units", [ApiRoutes.Compare.Name] = "Units",
        [ApiRoutes.Ingestions.Name] = "Operations", [ApiRoutes.IngestionFile.Name] = "Operations", [ApiRoutes.IngestionReport.Name] = "Operations", [ApiRoutes.Status.Name] = "Operations", [ApiRoutes.PublishReports.Name] = "Operations", [ApiRoutes.Redrive.Name] = "Operations",
        [ApiRoutes.Health.Name] = "Service", [ApiRoutes.OpenApi.Name] = "Service",
    };

    public static OpenApiDocument Build(IndexCatalog indices)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "ParPipeline API",
                Version = "1",
                Description = "PAR INDEX and SIPAS results of Viet Nam's provinces and ministries: rankings, unit profiles, " +
                    "histories, movers. Read routes are anonymous unless the app sets Api__ReadKey; admin routes need a function key. " +
                    "Every GET route answers HEAD alike without the body; other methods answer 405 with Allow. Successful reads carry " +
                    "an ETag (send If-None-Match for 304), Cache-Control and Vary; bodies over 1 KiB come as br or gzip when " +
                    "Accept-Encoding allows, with an ETag of their own. Read routes answer cross-origin requests from the origins " +
                    "Api__AllowedOrigins allows (default any). Errors are RFC 9457 problem details with a stable code. Limits: " +
                    $"{ApiParameters.MaxParameters} query parameters, {ApiParameters.MaxValueLength} characters a name or value, " +
                    "unknown parameters refused (400); in the local host also 8 KiB of request target (414) and 64 KiB of body (413).",
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
                Contact = new OpenApiContact { Name = "ParPipeline", Url = new Uri("https://parpipeline.dev") },
            },
            Servers =
            [
                new OpenApiServer { Url = "http://127.0.0.1:7071/api", Description = "The local host (dotnet run --project functions/ParPipeline.Local -- serve)" },
                new OpenApiServer
                {
                    Url = "https://{host}/api",
                    Description = "The Function App in Azure: host is its default host name (azd env get-value AZURE_FUNCTION_APP_URL)",
                    Variables = new Dictionary<string, OpenApiServerVariable> { ["host"] = new() { Default = "localhost:7071", Description = "The app's host name" } },
                },
            ],
            Paths = [],
            Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Rankings", Description = "Ranked index-years and the year's movers" },
                new() { Name = "Criteria", Description = "Criterion-level annexes: each criterion ranked, and where a unit lost points" },
                new() { Name = "Units", Description = "Provinces, cities and ministries: the gazetteer, profiles, histories" },
                new() { Name = "Operations", Description = "The ingestion ledger, publishing and redrive: function key required" },
                new() { Name = "Service", Description = "Health and this document" },
            },
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [KeyScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "x-functions-key",
                        Description = "A function key (admin routes), or the read key when the app sets Api__ReadKey" },
                    [KeyQueryScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = ApiRequest.KeyParameter,
                        Description = "The same key as a query parameter (it ends up in logs: prefer the header)" },
                },
            },
        };
        var schemas = new SchemaSet(document, indices);
        var problem = schemas.For(typeof(ProblemDetails));
        foreach (var route in ApiRoutes.All)
        {
            var item = new OpenApiPathItem();
            item.AddOperation(new HttpMethod(route.Method), Operation(route, schemas, problem, document, indices));
            document.Paths["/" + route.Template] = item;
        }
        return document;
    }

    public static byte[] Json(IndexCatalog indices)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Build(indices).SerializeAsV31(new OpenApiJsonWriter(text));
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static OpenApiOperation Operation(ApiRoute route, SchemaSet schemas, IOpenApiSchema problem, OpenApiDocument document, IndexCatalog indices)
    {
        var parameters = new List<IOpenApiParameter>();
        foreach (var name in route.Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')))
        {
            parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Path, Required = true,
                Schema = ParameterSchema(route, name, indices), Description = ParameterDescriptions.GetValueOrDefault(name),
            });
        }
        foreach (var name in route.Query)
        {
            parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Query,
                Schema = ParameterSchema(route, name, indices), Description = ParameterDescriptions.GetValueOrDefault(name),
            });
        }
        var content = route.Html
            ? new Dictionary<string, IOpenApiMediaType>
            {
                ["text/html"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 HTML page, lang=\"vi\" with an English section" } },
            }
            : new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = route.Body == typeof(object) ? new OpenApiSchema { Type = JsonSchemaType.Object } : schemas.For(route.Body) },
            };
        if (route.Csv)
        {
            content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 with a BOM; cells that could start a formula neutralised" } };
        }
        var problemContent = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } };
        OpenApiResponse Problem(string description) => new() { Description = description, Content = problemContent };
        var cached = route.Access == ApiAccess.Read && route != ApiRoutes.Health;
        var headers = new Dictionary<string, IOpenApiHeader>();
        if (cached)
        {
            headers["ETag"] = Header("Strong validator of this representation (one per content coding)");
            headers["Cache-Control"] = Header(ApiResponse.Cacheable);
            headers["Vary"] = Header(route.Csv ? "Accept, Accept-Encoding (and Origin when Api__AllowedOrigins lists origins)" : "Accept-Encoding (and Origin when Api__AllowedOrigins lists origins)");
            headers["Content-Encoding"] = Header("br or gzip when the body is over 1 KiB and Accept-Encoding allows it");
        }
        if (route.Csv)
        {
            headers["Content-Disposition"] = Header($"For CSV: attachment; filename=\"{CsvFileNames[route.Name]}\"");
        }
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = route.Summary, Content = content, Headers = headers.Count > 0 ? headers : null },
        };
        if (cached)
        {
            responses["304"] = new OpenApiResponse { Description = "Not modified (If-None-Match matched the ETag)", Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header("The validator that matched") } };
        }
        if (route == ApiRoutes.Unit || route == ApiRoutes.History || route == ApiRoutes.Compare || route == ApiRoutes.UnitCriteria)
        {
            responses["300"] = Problem("AMBIGUOUS_UNIT: the name means units of both sides of the 2025 reorganisation; suggestions lists them, ?year= chooses");
        }
        responses["400"] = Problem("BAD_PARAMETER, UNKNOWN_PARAMETER, TOO_MANY_PARAMETERS, PARAMETER_TOO_LONG" + (route.Template.Contains("{year}") ? ", BAD_YEAR" : "") +
            (route == ApiRoutes.Rankings ? ", UNKNOWN_REGION" : ""));
        responses["401"] = Problem(route.Access == ApiAccess.Admin
            ? "No or a wrong function key (in Azure the Functions host answers it, with no body)"
            : route == ApiRoutes.Health ? "Never: health is anonymous" : "READ_KEY_REQUIRED: the app sets Api__ReadKey and the request has no or a wrong key");
        if (route == ApiRoutes.Health)
        {
            responses.Remove("401");
        }
        if (route.Template.Contains('{', StringComparison.Ordinal) || route == ApiRoutes.Compare)
        {
            responses["404"] = Problem(route == ApiRoutes.Rankings || route == ApiRoutes.Movers || route == ApiRoutes.PublishReports
                ? "UNKNOWN_INDEX or NO_RANKING, with suggestions"
                : route == ApiRoutes.Compare || route == ApiRoutes.History ? "UNKNOWN_UNIT or UNKNOWN_INDEX, with suggestions"
                : route == ApiRoutes.Criteria ? "UNKNOWN_INDEX, or NO_CRITERIA: no annex ingested for the index-year (suggestions list the years that have one)"
                : route == ApiRoutes.Criterion ? "UNKNOWN_INDEX, NO_CRITERIA, or UNKNOWN_CRITERION: the annex has no such criterion (suggestions list the nearest)"
                : route == ApiRoutes.UnitCriteria ? "UNKNOWN_UNIT, UNKNOWN_INDEX, NO_CRITERIA, or UNIT_NOT_IN_ANNEX"
                : route == ApiRoutes.IngestionFile ? "FILE_NOT_FOUND: no file of that name or SHA-256 in the ledger"
                : route == ApiRoutes.IngestionReport ? "FILE_NOT_FOUND, or NO_REJECTION_REPORT: the file was not rejected"
                : "UNKNOWN_UNIT, with suggestions");
        }
        responses["405"] = new OpenApiResponse
        {
            Description = "METHOD_NOT_ALLOWED", Content = problemContent,
            Headers = new Dictionary<string, IOpenApiHeader> { ["Allow"] = Header(route.AllowHeader) },
        };
        responses["414"] = Problem("URI_TOO_LONG: over 8 KiB of request target (local host; in Azure the front end sets its own limit)");
        if (route == ApiRoutes.Health)
        {
            responses["503"] = Problem("STORAGE_UNREACHABLE");
        }
        return new OpenApiOperation
        {
            OperationId = route.Name,
            Summary = route.Summary,
            Description = OperationDescriptions.GetValueOrDefault(route.Name, route.Summary),
            Tags = new HashSet<OpenApiTagReference> { new(Tags[route.Name], document) },
            Parameters = parameters,
            Responses = responses,
            Security = route.Access == ApiAccess.Admin
                ? [Requirement(KeyScheme, document), Requirement(KeyQueryScheme, document)]
                : route == ApiRoutes.Health
                    ? []
                    // Anonymous unless the app sets Api__ReadKey: no requirement, or a key.
                    : [new OpenApiSecurityRequirement(), Requirement(KeyScheme, document), Requirement(KeyQueryScheme, document)],
        };
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static OpenApiSchema Strings(IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };

    private static OpenApiSchema Integer(int minimum, int maximum) => new()
    {
        Type = JsonSchemaType.Integer, Format = "int32", Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static OpenApiSchema ParameterSchema(ApiRoute route, string name, IndexCatalog indices) => name switch
    {
        "index" => Strings(indices.All.Select(d => d.Code).Order(StringComparer.Ordinal)),
        "year" or "from" or "to" => Integer(1900, 2999),
        "sort" => Strings(RankingQueries.Sorts),
        "format" => Strings(RankingQueries.Formats),
        "group" => Strings(RankingQueries.Groups),
        "kind" => Strings(UnitQueries.KindValues),
        "by" => Strings(MoverQueries.Measures),
        "status" => Strings(IngestionQueries.Statuses),
        "top" => Integer(1, route == ApiRoutes.Ingestions ? IngestionQueries.MaxTop : MoverQueries.MaxTop),
        _ => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = ApiParameters.MaxValueLength },
    };

    private static readonly Dictionary<string, string> CsvFileNames = new(StringComparer.Ordinal)
    {
        [ApiRoutes.Rankings.Name] = "{INDEX}-{YEAR}.csv",
        [ApiRoutes.Criteria.Name] = "{INDEX}-{YEAR}-criteria.csv",
        [ApiRoutes.Criterion.Name] = "{INDEX}-{YEAR}-criterion-{criterion}.csv",
        [ApiRoutes.UnitCriteria.Name] = "{INDEX}-{YEAR}-{unit code}-criteria.csv",
    };

    private static readonly Dictionary<string, string> OperationDescriptions = new(StringComparer.Ordinal)
    {
        [ApiRoutes.Criteria.Name] = "Every criterion of the index-year's current annex, in natural order (1.2 before 1.10), with its component and maximum " +
            "where the index's definition lists criteria, how many units it scores, the leader and the mean. Read through the annex's current pointer: " +
            "a new annex replaces the old one whole.",
        [ApiRoutes.Criterion.Name] = "{criterion} is the criterion's id as the annex gives it (or, where the definition lists criteria, either of its names). " +
            "Units are ranked on it as the index is (competition ranking at its precision); change is positive when a unit did better than in the annex " +
            "of the year before, and null for a unit without a like-for-like score then (a province merged in 2025).",
        [ApiRoutes.UnitCriteria.Name] = "{unit} is a code or any accepted name, taken in the index-year. Each criterion with its score, maximum (where defined), " +
            "rank among the units, the leader's score, the gap and the change since the year before; pointsLost lists the criteria by points below " +
            "their maximum, behind their leader and lost since the year before (and gained), largest first, each with its component.",
        [ApiRoutes.Rankings.Name] = "Every unit's rank, score, region and city-group rank, field ranks and movement against the year before. " +
            "Accept: text/csv (or ?format=csv) gives the table as CSV, as a download named {INDEX}-{YEAR}.csv.",
        [ApiRoutes.Unit.Name] = "{unit} is a code (48) or any name ingestion accepts, ministries included (Bộ Tư pháp, Tư pháp, BTP). " +
            "A name carried by different units before and after 2025-07-01 (Lào Cai) answers 300 unless ?year= says which.",
        [ApiRoutes.Ingestions.Name] = $"Newest first; top 1 to {IngestionQueries.MaxTop}.",
        [ApiRoutes.IngestionFile.Name] = "{file} is the SHA-256 (or its first 12 or more hex digits, as the logs print), the drop name with / as %2F, " +
            "or the file name alone; a name dropped with different bytes is several files, newest first. A rejected file lists every problem " +
            "(sheet, cell as Excel names it, value found, message in English and Vietnamese) and links to its report.",
        [ApiRoutes.IngestionReport.Name] = "The page written beside the quarantined file as {sha256}.errors.html: every problem with its sheet, cell, " +
            "value, what was expected and how to fix it, in Vietnamese and then English.",
    };
    private static readonly Dictionary<string, string> ParameterDescriptions = new(StringComparer.Ordinal)
    {
        ["index"] = "Index code (any case)",
        ["year"] = "Index year, e.g. 2023 (for a unit name: the year whose units it names)",
        ["file"] = "SHA-256 of the file (or its first 12 or more hex digits), or its drop name (PAR%2F2023%2Fpar.xlsx) or file name (par.xlsx)",
        ["criterion"] = "Criterion id as the annex gives it (2.3, 2.3.1), percent-encoded",
        ["unit"] = "Unit code (48, MOJ) or any name the gazetteer accepts (da-nang, Đà Nẵng, TP. Đà Nẵng, Bộ Tư pháp, BTP)",
        ["region"] = "Only units of this region (name in Vietnamese or English, any case or diacritics)",
        ["group"] = "cities: only the centrally governed cities",
        ["sort"] = "Order of the units ('-' = descending; default rank)",
        ["format"] = "json (default) or csv (UTF-8 with BOM); Accept: text/csv does the same",
        ["kind"] = "province or ministry",
        ["units"] = $"1 to {UnitQueries.MaxCompared} unit codes or names, comma separated",
        ["from"] = "First year (inclusive)",
        ["to"] = "Last year (inclusive)",
        ["top"] = $"How many to list (movers: 1 to {MoverQueries.MaxTop}; ingestions: 1 to {IngestionQueries.MaxTop})",
        ["by"] = "places (default) or points",
        ["status"] = "Only files with this ledger status",
    };

    /// <summary>JSON schemas of the response records, one component each, as <see cref="PipelineJson"/> writes them.</summary>
    private sealed class SchemaSet(OpenApiDocument document, IndexCatalog indices)
    {
        private readonly NullabilityInfoContext _nullability = new();

        /// <summary>
        /// <see cref="Ranking.UnitRanking.Fields"/> as an object with one optional property per field any index defines
        /// (appraisal, survey, the PAR fields, SIPAS elements ...), so a client gets names, not a free-form map.
        /// </summary>
        private IOpenApiSchema Fields()
        {
            const string name = "RankingFields";
            if (!document.Components!.Schemas!.ContainsKey(name))
            {
                var place = For(typeof(Ranking.Place));
                var schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The unit's rank in every other field its index-year's file gave, by the field's key",
                    Properties = new Dictionary<string, IOpenApiSchema>(),
                    AdditionalPropertiesAllowed = false,
                };
                foreach (var field in indices.All.SelectMany(d => d.Fields).Where(f => f.Key != IndexDefinition.TotalKey).DistinctBy(f => f.Key).OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    schema.Properties[field.Key] = new OpenApiSchemaReference("Place", document) { Description = $"{field.NameEn} ({field.NameVi})" };
                }
                document.Components.Schemas[name] = schema;
            }
            return new OpenApiSchemaReference(name, document);
        }

        public IOpenApiSchema For(Type type)
        {
            if (Simple(type) is { } simple)
            {
                return simple;
            }
            if (Element(type) is { } element)
            {
                return new OpenApiSchema { Type = JsonSchemaType.Array, Items = For(element) };
            }
            if (DictionaryValue(type) is { } value)
            {
                return new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = For(value) };
            }
            var name = type.Name;
            if (!document.Components!.Schemas!.ContainsKey(name))
            {
                // Closed: a field the code writes but the document does not name fails the contract tests.
                var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(), Required = new HashSet<string>(), AdditionalPropertiesAllowed = false };
                document.Components.Schemas[name] = schema;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    var json = PipelineJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
                    var nullable = _nullability.Create(property).ReadState == NullabilityState.Nullable;
                    var propertySchema = type == typeof(Ranking.UnitRanking) && property.Name == nameof(Ranking.UnitRanking.Fields) ? Fields() : For(property.PropertyType);
                    schema.Properties[json] = !nullable ? propertySchema : propertySchema switch
                    {
                        // Built just above for this property alone, so widening it in place is safe.
                        OpenApiSchema plain => Widen(plain),
                        _ => new OpenApiSchema { OneOf = [propertySchema, new OpenApiSchema { Type = JsonSchemaType.Null }] },
                    };
                    if (!nullable)
                    {
                        schema.Required.Add(json);
                    }
                }
            }
            return new OpenApiSchemaReference(name, document);
        }

        private static OpenApiSchema Widen(OpenApiSchema schema)
        {
            schema.Type |= JsonSchemaType.Null;
            return schema;
        }

        private static OpenApiSchema? Simple(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type);
            var schema = Primitive(underlying ?? type);
            if (schema is not null && underlying is not null)
            {
                schema.Type |= JsonSchemaType.Null;
            }
            return schema;
        }

        private static OpenApiSchema? Primitive(Type type) => type switch
        {
            _ when type == typeof(string) => new OpenApiSchema { Type = JsonSchemaType.String },
            _ when type == typeof(bool) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            _ when type == typeof(int) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            _ when type == typeof(long) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            _ when type == typeof(double) => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
            _ when type == typeof(DateTimeOffset) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            { IsEnum: true } => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(PipelineJson.Options.PropertyNamingPolicy!.ConvertName(n)))],
            },
            _ => null,
        };

        private static Type? Element(Type type) =>
            type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyList<>) || g == typeof(List<>) || g == typeof(IEnumerable<>))
                ? type.GetGenericArguments()[0] : null;

        private static Type? DictionaryValue(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyDictionary<,>) || g == typeof(Dictionary<,>))
                ? type.GetGenericArguments()[1] : null;
    }
}
