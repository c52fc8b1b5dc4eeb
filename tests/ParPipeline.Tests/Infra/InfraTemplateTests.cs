using System.Text.Json.Nodes;
using ParPipeline.Functions;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Infra;

/// <summary>
/// infra/ checked where no Azure is reachable: the Bicep compiler type-checks and lints it (warnings are
/// errors by bicepconfig.json), and the compiled ARM template is read for what `azd up` would create.
/// </summary>
public sealed class InfraTemplateTests
{
    private static readonly Lazy<Task<(int ExitCode, string Output, JsonNode? Template)>> Build =
        new(() => Bicep.BuildAsync(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep")));

    private static async Task<List<JsonObject>> ResourcesAsync()
    {
        var (exitCode, output, template) = await Build.Value;
        Assert.True(exitCode == 0 && output.Length == 0, $"bicep build failed or warned:\n{output}");
        var found = new List<JsonObject>();
        Collect(template!, found);
        return found;
    }

    // Every object with a type and an apiVersion is a resource, at any depth (modules compile to nested deployments).
    private static void Collect(JsonNode node, List<JsonObject> found)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is JsonValue && obj["apiVersion"] is JsonValue)
            {
                found.Add(obj);
            }
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    Collect(child, found);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                Collect(child, found);
            }
        }
    }

    private static IEnumerable<JsonObject> OfType(List<JsonObject> resources, string type) =>
        resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Main_bicep_compiles_with_no_warning_under_a_config_that_makes_every_rule_an_error()
    {
        var (exitCode, output, template) = await Build.Value;
        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
        Assert.NotNull(template);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "bicepconfig.json")))!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();
        Assert.True(rules.Count >= 30);
        Assert.All(rules, rule => Assert.Equal("error", (string?)rule.Value!["level"]));
        Assert.Equal("error", (string?)rules["outputs-should-not-contain-secrets"]!["level"]);
    }

    [Fact]
    public async Task It_creates_the_resources_the_pipeline_runs_on()
    {
        var resources = await ResourcesAsync();
        foreach (var type in new[]
        {
            "Microsoft.Resources/resourceGroups", "Microsoft.Storage/storageAccounts", "Microsoft.Web/serverfarms", "Microsoft.Web/sites",
            "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Authorization/roleAssignments",
            "Microsoft.Insights/components", "Microsoft.OperationalInsights/workspaces", "Microsoft.EventGrid/systemTopics",
        })
        {
            Assert.True(OfType(resources, type).Any(), $"no {type} in the template");
        }

        var account = Assert.Single(OfType(resources, "Microsoft.Storage/storageAccounts"), r => r["properties"] is not null);
        Assert.False((bool)account["properties"]!["allowSharedKeyAccess"]!);
        Assert.False((bool)account["properties"]!["allowBlobPublicAccess"]!);

        var containerNames = OfType(resources, "Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c["copy"] is null ? (string?)c["name"] : "copy").ToList();
        Assert.NotEmpty(containerNames);
        var storageModule = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "core", "storage.bicep"));
        foreach (var name in PipelineStorageNames.Containers.Concat(PipelineStorageNames.Tables).Concat(PipelineStorageNames.Queues).Select(n => $"'{n}'"))
        {
            Assert.Contains(name, storageModule, StringComparison.Ordinal);
        }
        Assert.Equal(2, OfType(resources, "Microsoft.Storage/storageAccounts/queueServices/queues").Count());

        var plan = Assert.Single(OfType(resources, "Microsoft.Web/serverfarms"));
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);

        var site = Assert.Single(OfType(resources, "Microsoft.Web/sites"));
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]);

        var topic = Assert.Single(OfType(resources, "Microsoft.EventGrid/systemTopics"));
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)topic["properties"]!["source"], StringComparison.Ordinal);

        var insights = Assert.Single(OfType(resources, "Microsoft.Insights/components"), r => r["properties"] is not null);
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
    }

    /// <summary>The module that grants roles, and its expressions with the module's variables (the role ids) put in.</summary>
    private static (JsonObject Module, Func<JsonNode?, string> Resolve) RolesModule(List<JsonObject> resources)
    {
        var module = Assert.Single(OfType(resources, "Microsoft.Resources/deployments"), d => ((string?)d["name"])!.StartsWith("[format('roles-", StringComparison.Ordinal));
        var variables = module["properties"]!["template"]!["variables"]!.AsObject();
        return (module, expression => variables.Aggregate((string?)expression ?? "",
            (text, v) => v.Value is JsonValue value ? text.Replace($"variables('{v.Key}')", (string?)value, StringComparison.Ordinal) : text));
    }

    [Fact]
    public async Task The_app_identity_gets_the_storage_data_roles_it_needs_and_nothing_broader()
    {
        var resources = await ResourcesAsync();
        const string blobOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
        const string queueContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
        const string tableContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
        const string metricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
        const string blobContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

        // The module that grants roles, with its variables resolved: role ids are named there.
        var (module, Resolve) = RolesModule(resources);
        var assignments = OfType(resources, "Microsoft.Authorization/roleAssignments")
            .Select(a => (Role: Resolve(a["properties"]!["roleDefinitionId"]), Principal: (string?)a["properties"]!["principalId"],
                          Type: (string?)a["properties"]!["principalType"], Copied: a["copy"] is not null, Conditional: a["condition"] is not null))
            .ToList();

        var app = assignments.Where(a => a.Principal == "[parameters('appPrincipalId')]").ToList();
        Assert.All(app, a => Assert.Equal("ServicePrincipal", a.Type));
        var storageRoles = Assert.Single(app, a => a.Copied).Role;
        foreach (var role in new[] { blobOwner, queueContributor, tableContributor })
        {
            Assert.Contains(role, storageRoles, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(blobContributor, storageRoles, StringComparison.Ordinal);
        Assert.Contains(metricsPublisher, Assert.Single(app, a => !a.Copied).Role, StringComparison.Ordinal);

        var user = Assert.Single(assignments, a => a.Principal == "[parameters('userPrincipalId')]");
        Assert.Equal(("[parameters('userPrincipalType')]", true), (user.Type, user.Conditional));
        Assert.Contains(blobContributor, user.Role, StringComparison.Ordinal);

        // The app principal handed to the module is the user-assigned identity's.
        Assert.Contains("identity", (string?)module["properties"]!["parameters"]!["appPrincipalId"]!["value"], StringComparison.Ordinal);
        Assert.Contains("principalId", (string?)module["properties"]!["parameters"]!["appPrincipalId"]!["value"], StringComparison.Ordinal);

        var template = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "app", "storage-roles.bicep"));
        // Never a control-plane role: Owner, Contributor, User Access Administrator, Storage Account Contributor.
        foreach (var broad in new[] { "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "17d1049b-9a84-46fb-8f53-869881c3d3ab" })
        {
            Assert.DoesNotContain(broad, template, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_setting_the_app_reads_is_set_identity_based_and_no_secret_is_anywhere()
    {
        var resources = await ResourcesAsync();
        var settings = Assert.Single(OfType(resources, "Microsoft.Web/sites/config"), c => ((string?)c["name"])!.Contains("appsettings", StringComparison.Ordinal));
        var names = settings["properties"]!.AsObject().Select(p => p.Key).ToList();

        Assert.All(AppSettingNames.All, name => Assert.Contains(name, names));
        Assert.Equal("managedidentity", (string?)settings["properties"]!["PipelineStorage__credential"]);
        Assert.Equal("managedidentity", (string?)settings["properties"]!["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain("PipelineStorage", names);
        Assert.DoesNotContain("AzureWebJobsStorage", names);
        // Flex Consumption sets the worker runtime in functionAppConfig and refuses these settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", names);

        var (_, _, template) = await Build.Value;
        var text = template!.ToJsonString();
        foreach (var secret in new[] { "AccountKey", "listKeys", "SharedAccessSignature", "DefaultEndpointsProtocol", "listSecrets" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var (name, _) in template!["outputs"]!.AsObject())
        {
            Assert.DoesNotMatch("(?i)key|secret|password|connection", name);
        }
    }

    [Fact]
    public async Task The_allowed_origins_parameter_reaches_the_apps_CORS_setting_and_the_platform_CORS_stays_unset()
    {
        var (_, _, template) = await Build.Value;
        var parameter = template!["parameters"]!["apiAllowedOrigins"]!;
        Assert.Equal("*", (string?)parameter["defaultValue"]);
        var resources = await ResourcesAsync();
        var module = Assert.Single(OfType(resources, "Microsoft.Resources/deployments"), d => d["properties"]!["parameters"]?["apiAllowedOrigins"] is not null);
        Assert.Equal("[parameters('apiAllowedOrigins')]", (string?)module["properties"]!["parameters"]!["apiAllowedOrigins"]!["value"]);
        var settings = Assert.Single(OfType(resources, "Microsoft.Web/sites/config"), c => ((string?)c["name"])!.Contains("appsettings", StringComparison.Ordinal));
        Assert.Equal("[parameters('apiAllowedOrigins')]", (string?)settings["properties"]!["Api__AllowedOrigins"]);
        // Platform CORS would take over from the app's and answer for admin routes too, without exposing the ETag.
        var site = Assert.Single(OfType(resources, "Microsoft.Web/sites"));
        Assert.Null(site["properties"]!["siteConfig"]!["cors"]);
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")))!;
        Assert.Equal("${API_ALLOWED_ORIGINS=*}", (string?)parameters["parameters"]!["apiAllowedOrigins"]!["value"]);
    }

    [Fact]
    public void The_settings_list_names_every_setting_an_options_class_of_the_app_binds()
    {
        // Options classes with a Section are bound from configuration (AddParPipeline): each property is a setting.
        var bound = typeof(ParPipeline.Api.ApiOptions).Assembly.GetTypes()
            .Where(t => t.GetField("Section", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.IsLiteral == true)
            .SelectMany(t => t.GetProperties().Where(p => p.CanWrite).Select(p => $"{t.GetField("Section")!.GetRawConstantValue()}__{p.Name}"))
            .ToList();
        Assert.Equal(8, bound.Count);
        Assert.All(bound, setting => Assert.Contains(setting, AppSettingNames.All));
    }

    [Fact]
    public void The_settings_list_names_every_binding_expression_and_connection_of_the_app()
    {
        var metadata = File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsOutput, "functions.metadata"));
        foreach (System.Text.RegularExpressions.Match expression in System.Text.RegularExpressions.Regex.Matches(metadata, "%([A-Za-z0-9_]+)%"))
        {
            Assert.Contains(expression.Groups[1].Value, AppSettingNames.All);
        }
        foreach (System.Text.RegularExpressions.Match connection in System.Text.RegularExpressions.Regex.Matches(metadata, "\"connection\": \"([A-Za-z0-9_]+)\""))
        {
            Assert.Contains($"{connection.Groups[1].Value}__blobServiceUri", AppSettingNames.All);
        }
    }

    [Fact]
    public void The_postdeploy_hook_subscribes_IngestDrop_to_finished_uploads_of_ministry_drops_only()
    {
        var hook = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "hooks", "postdeploy.sh"));
        Assert.Contains("az eventgrid system-topic event-subscription create", hook, StringComparison.Ordinal);
        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", hook, StringComparison.Ordinal);
        Assert.Contains("--subject-begins-with \"/blobServices/default/containers/${DROPS_CONTAINER}/\"", hook, StringComparison.Ordinal);
        Assert.Contains("DROPS_CONTAINER=\"${DROPS_CONTAINER:-ministry-drops}\"", hook, StringComparison.Ordinal);
        Assert.Contains("--advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob", hook, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.${FUNCTION_NAME}&code=${key}", hook, StringComparison.Ordinal);
        Assert.Contains("FUNCTION_NAME=\"IngestDrop\"", hook, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", hook, StringComparison.Ordinal);
        Assert.DoesNotContain("echo \"$key", hook, StringComparison.Ordinal);

        var azureYaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        Assert.Contains("project: ./functions/ParPipeline.Functions", azureYaml, StringComparison.Ordinal);
        Assert.Contains("host: function", azureYaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/postdeploy.sh", azureYaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")));
    }

    [Fact]
    public async Task The_reports_site_is_written_to_the_static_website_which_both_hooks_turn_on_and_print()
    {
        // Bicep cannot turn a static website on (Azure/bicep#18461, azure-resource-manager-schemas#2063): the hooks do,
        // with the index and error documents the local host serves alike.
        var resources = await ResourcesAsync();
        var settings = Assert.Single(OfType(resources, "Microsoft.Web/sites/config"), c => ((string?)c["name"])!.Contains("appsettings", StringComparison.Ordinal));
        Assert.Equal("$web", (string?)settings["properties"]!["Reports__WebContainer"]);
        var (_, _, template) = await Build.Value;
        Assert.NotNull(template!["outputs"]!["REPORTS_SITE_URL"]);
        foreach (var (file, line) in new[] { ("postdeploy.sh", "--static-website --index-document index.html --404-document 404.html"), ("postdeploy.ps1", "--static-website --index-document index.html --404-document 404.html") })
        {
            var hook = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "hooks", file));
            Assert.Contains("az storage blob service-properties update", hook, StringComparison.Ordinal);
            Assert.Contains(line, hook, StringComparison.Ordinal);
            Assert.Contains("--auth-mode login", hook, StringComparison.Ordinal);
            Assert.Contains("--query primaryEndpoints.web", hook, StringComparison.Ordinal);
            Assert.Contains("Reports site", hook, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "functions", "ParPipeline.Core", "Reports", "Site", "NotFoundPage.cs")));
    }

    [Fact]
    public async Task The_deployers_principal_type_is_a_parameter_so_a_pipeline_can_deploy()
    {
        var (_, _, template) = await Build.Value;
        var parameter = template!["parameters"]!["principalType"]!;
        Assert.Equal("User", (string?)parameter["defaultValue"]);
        Assert.Equal(["User", "ServicePrincipal", "Group"], parameter["allowedValues"]!.AsArray().Select(v => (string?)v));
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")))!;
        Assert.Equal("${AZURE_PRINCIPAL_TYPE=User}", (string?)parameters["parameters"]!["principalType"]!["value"]);
        var roles = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "app", "storage-roles.bicep"));
        Assert.DoesNotContain("principalType: 'User'", roles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Location_offers_only_regions_with_Flex_Consumption_and_azd_prompts_for_one()
    {
        var (_, _, template) = await Build.Value;
        var location = template!["parameters"]!["location"]!;
        var allowed = location["allowedValues"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(17, allowed.Count);
        Assert.Contains("southeastasia", allowed);
        Assert.Contains("eastasia", allowed);
        Assert.DoesNotContain("eastus2euap", allowed);
        Assert.Equal("location", (string?)location["metadata"]!["azd"]!["type"]);
    }

    /// <summary>Each role the template grants, by role id, and the only scope it may have.</summary>
    private static readonly Dictionary<string, string> ScopeOfRole = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "account",    // app: Storage Blob Data Owner (the host's keys and locks need Owner)
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "account",    // app: Storage Queue Data Contributor
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "account",    // app: Storage Table Data Contributor
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "insights",   // app: Monitoring Metrics Publisher
        ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = "drops",      // deployer: Storage Blob Data Contributor, ministry-drops only
    };

    private static string ScopeKind(string? scope) => scope switch
    {
        null => "resource group",
        _ when scope.Contains("blobServices/containers", StringComparison.Ordinal) => "drops",
        _ when scope.Contains("Microsoft.Insights/components", StringComparison.Ordinal) => "insights",
        _ when scope.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal) => "account",
        _ => scope,
    };

    [Fact]
    public async Task No_role_is_granted_at_a_broader_scope_than_it_needs()
    {
        var resources = await ResourcesAsync();
        var (_, Resolve) = RolesModule(resources);
        var granted = new List<string>();
        foreach (var assignment in OfType(resources, "Microsoft.Authorization/roleAssignments"))
        {
            // A copy loop names its roles in one expression (createArray(...)[copyIndex()]): each must belong at this scope.
            var definition = Resolve(assignment["properties"]!["roleDefinitionId"]);
            var roles = ScopeOfRole.Keys.Where(id => definition.Contains(id, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(roles);
            foreach (var role in roles)
            {
                Assert.Equal(ScopeOfRole[role], ScopeKind((string?)assignment["scope"]));
                granted.Add(role);
            }
        }
        Assert.Equal(ScopeOfRole.Keys.Order(), granted.Distinct().Order());
        // The deployer's one data role names the drops container, and takes the principal type it is given.
        var deployer = Assert.Single(OfType(resources, "Microsoft.Authorization/roleAssignments"),
            a => Resolve(a["properties"]!["roleDefinitionId"]).Contains("ba92f5b4", StringComparison.Ordinal));
        Assert.Contains("parameters('dropsContainerName')", (string?)deployer["scope"], StringComparison.Ordinal);
        Assert.Equal("[parameters('userPrincipalType')]", (string?)deployer["properties"]!["principalType"]);
    }

    [Fact]
    public void The_postdeploy_hook_uses_the_deployments_url_exists_for_posix_and_Windows_and_updates_an_existing_subscription()
    {
        var posix = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "hooks", "postdeploy.sh"));
        var windows = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "hooks", "postdeploy.ps1"));
        Assert.Contains("${AZURE_FUNCTION_APP_URL%/}/runtime/webhooks/blobs", posix, StringComparison.Ordinal);
        Assert.Contains("$($env:AZURE_FUNCTION_APP_URL.TrimEnd('/'))/runtime/webhooks/blobs", windows, StringComparison.Ordinal);
        foreach (var hook in new[] { posix, windows })
        {
            Assert.DoesNotContain("://${AZURE_FUNCTION_APP_NAME}", hook, StringComparison.Ordinal);
            Assert.Contains("system-topic event-subscription show", hook, StringComparison.Ordinal);
            Assert.Contains("system-topic event-subscription update", hook, StringComparison.Ordinal);
            Assert.Contains("system-topic event-subscription create", hook, StringComparison.Ordinal);
            Assert.Contains("--advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob", hook, StringComparison.Ordinal);
            Assert.Contains("Host.Functions.", hook, StringComparison.Ordinal);
        }
        var azure = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        Assert.Contains("run: ./infra/hooks/postdeploy.sh", azure, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/postdeploy.ps1", azure, StringComparison.Ordinal);
        Assert.Contains("shell: pwsh", azure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_isolation_is_off_by_default_and_when_on_puts_storage_behind_private_endpoints_and_the_app_in_the_network()
    {
        var (_, _, template) = await Build.Value;
        Assert.False((bool)template!["parameters"]!["vnetEnabled"]!["defaultValue"]!);
        var resources = await ResourcesAsync();
        var deployments = OfType(resources, "Microsoft.Resources/deployments").ToList();
        JsonObject Module(string name) => Assert.Single(deployments, d => ((string?)d["name"])!.StartsWith($"[format('{name}-", StringComparison.Ordinal));

        // Off: the network modules are not deployed, storage keeps public access, the app no subnet.
        foreach (var name in new[] { "network", "storageEndpoints" })
        {
            Assert.Equal("[parameters('vnetEnabled')]", (string?)Module(name)["condition"]);
        }
        var account = Assert.Single(OfType(resources, "Microsoft.Storage/storageAccounts"), a => a["properties"]?["publicNetworkAccess"] is not null);
        Assert.Equal("[if(parameters('vnetEnabled'), 'Disabled', 'Enabled')]", (string?)account["properties"]!["publicNetworkAccess"]);
        Assert.Equal("[if(parameters('vnetEnabled'), 'Deny', 'Allow')]", (string?)account["properties"]!["networkAcls"]!["defaultAction"]);
        Assert.Equal("[if(parameters('vnetEnabled'), createObject('value', reference('network').outputs.appSubnetId.value), createObject('value', ''))]",
            (string?)Module("functionApp")["properties"]!["parameters"]!["virtualNetworkSubnetId"]);
        var site = Assert.Single(OfType(resources, "Microsoft.Web/sites"));
        Assert.Equal("[if(empty(parameters('virtualNetworkSubnetId')), null(), parameters('virtualNetworkSubnetId'))]", (string?)site["properties"]!["virtualNetworkSubnetId"]);

        // On: a subnet delegated to Flex Consumption, and a private endpoint, DNS zone and link for blob, queue and table.
        var network = Assert.Single(OfType(resources, "Microsoft.Network/virtualNetworks"), n => n["properties"] is not null);
        var subnets = network["properties"]!["subnets"]!.AsArray();
        Assert.Equal("Microsoft.App/environments", (string?)subnets.Single(n => (string?)n!["name"] == "app")!["properties"]!["delegations"]![0]!["properties"]!["serviceName"]);
        Assert.Contains(subnets, n => (string?)n!["name"] == "private-endpoints");
        var endpoints = Assert.Single(OfType(resources, "Microsoft.Network/privateEndpoints"));
        Assert.Equal("[variables('services')[copyIndex()]]", (string?)endpoints["properties"]!["privateLinkServiceConnections"]![0]!["properties"]!["groupIds"]![0]);
        var module = Module("storageEndpoints")["properties"]!["template"]!;
        Assert.Equal(["blob", "queue", "table"], module["variables"]!["services"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("[format('privatelink.{0}.{1}', variables('services')[copyIndex()], environment().suffixes.storage)]",
            (string?)Assert.Single(OfType(resources, "Microsoft.Network/privateDnsZones"))["name"]);
        Assert.Single(OfType(resources, "Microsoft.Network/privateDnsZones/virtualNetworkLinks"));
        Assert.Single(OfType(resources, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"));
    }
}
