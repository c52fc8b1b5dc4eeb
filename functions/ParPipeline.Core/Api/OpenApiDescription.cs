using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/openapi.json</c>: the API described with Microsoft.OpenApi from <see cref="ApiRoutes"/> and the
/// response records themselves (property names as <see cref="PipelineJson"/> writes them), so the document cannot
/// list a route or a field the code does not have.
/// </summary>
public static class OpenApiDescription
{
    private const string KeyScheme = "functionKey";

    public static OpenApiDocument Build()
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "ParPipeline API",
                Version = "1",
                Description = "PAR INDEX and SIPAS results of Viet Nam's provinces and ministries: rankings, unit profiles, " +
                    "histories, movers. Read routes are anonymous unless the app sets Api__ReadKey; admin routes need a function key. " +
                    "Successful reads carry an ETag (send If-None-Match for 304) and Cache-Control; errors are RFC 7807 problem details " +
                    "with a stable code.",
            },
            Servers = [new OpenApiServer { Url = "/api" }],
            Paths = [],
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [KeyScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "x-functions-key" },
                },
            },
        };
        var schemas = new SchemaSet(document);
        var problem = schemas.For(typeof(ProblemDetails));
        foreach (var route in ApiRoutes.All)
        {
            var item = new OpenApiPathItem();
            item.AddOperation(new HttpMethod(route.Method), Operation(route, schemas, problem, document));
            document.Paths["/" + route.Template] = item;
        }
        return document;
    }

    public static byte[] Json()
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Build().SerializeAsV31(new OpenApiJsonWriter(text));
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static OpenApiOperation Operation(ApiRoute route, SchemaSet schemas, IOpenApiSchema problem, OpenApiDocument document)
    {
        var parameters = new List<IOpenApiParameter>();
        foreach (var name in route.Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')))
        {
            parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = ParameterDescriptions.GetValueOrDefault(name),
            });
        }
        foreach (var name in route.Query)
        {
            parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ApiParameters.MaxValueLength },
                Description = ParameterDescriptions.GetValueOrDefault(name),
            });
        }
        var content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/json"] = new OpenApiMediaType { Schema = route.Body == typeof(object) ? new OpenApiSchema { Type = JsonSchemaType.Object } : schemas.For(route.Body) },
        };
        if (route.Csv)
        {
            content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
        var problemContent = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } };
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = route.Summary,
                Content = content,
                Headers = route.Access == ApiAccess.Read && route != ApiRoutes.Health
                    ? new Dictionary<string, IOpenApiHeader>
                    {
                        ["ETag"] = new OpenApiHeader { Description = "Strong validator of the body", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["Cache-Control"] = new OpenApiHeader { Description = ApiResponse.Cacheable, Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    }
                    : null,
            },
            ["400"] = new OpenApiResponse { Description = "A bad or unknown parameter", Content = problemContent },
        };
        if (route.Access == ApiAccess.Read && route != ApiRoutes.Health)
        {
            responses["304"] = new OpenApiResponse { Description = "Not modified (If-None-Match matched the ETag)" };
        }
        if (route.Template.Contains('{', StringComparison.Ordinal))
        {
            responses["404"] = new OpenApiResponse { Description = "Unknown index, year or unit, with suggestions", Content = problemContent };
        }
        responses["401"] = new OpenApiResponse { Description = "Key required", Content = problemContent };
        if (route == ApiRoutes.Health)
        {
            responses["503"] = new OpenApiResponse { Description = "Storage unreachable", Content = problemContent };
        }
        return new OpenApiOperation
        {
            OperationId = route.Name,
            Summary = route.Summary,
            Parameters = parameters,
            Responses = responses,
            Security = route.Access == ApiAccess.Admin
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] }]
                : null,
        };
    }

    private static readonly Dictionary<string, string> ParameterDescriptions = new(StringComparer.Ordinal)
    {
        ["index"] = "Index code: PAR, SIPAS, PAR-MINISTRIES",
        ["year"] = "Index year, e.g. 2023",
        ["unit"] = "Unit code (48) or any name the gazetteer accepts (da-nang, Đà Nẵng, TP. Đà Nẵng)",
        ["region"] = "Only units of this region (name in Vietnamese or English)",
        ["group"] = "cities: only the centrally governed cities",
        ["sort"] = string.Join(", ", RankingQueries.Sorts) + " ('-' = descending; default rank)",
        ["format"] = "json (default) or csv (UTF-8 with BOM)",
        ["kind"] = "province or ministry",
        ["units"] = $"1 to {UnitQueries.MaxCompared} unit codes or names, comma separated",
        ["from"] = "First year (inclusive)",
        ["to"] = "Last year (inclusive)",
        ["top"] = "How many to list",
        ["by"] = "places (default) or points",
        ["status"] = "ingested, rejected, duplicate or superseded",
    };

    /// <summary>JSON schemas of the response records, one component each, as <see cref="PipelineJson"/> writes them.</summary>
    private sealed class SchemaSet(OpenApiDocument document)
    {
        private readonly NullabilityInfoContext _nullability = new();

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
                var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(), Required = new HashSet<string>() };
                document.Components.Schemas[name] = schema;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    var json = PipelineJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
                    var nullable = _nullability.Create(property).ReadState == NullabilityState.Nullable;
                    var propertySchema = For(property.PropertyType);
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
