using System.Text.Json.Nodes;

namespace Bot.Web.Tests.Deployment;

/// <summary>
/// What Azure Resource Manager would deploy, predicted by <c>bicep snapshot</c> (the CLI evaluates the template with
/// ARM's own expression engine: conditions, variables, fail()). Secure values stay unevaluated in a snapshot.
/// </summary>
public sealed class DeploymentSnapshotTests : IDisposable
{
    private const string Subscription = "00000000-0000-0000-0000-000000000001";
    private const string Tenant = "00000000-0000-0000-0000-000000000002";
    private const string Group = $"/subscriptions/{Subscription}/resourceGroups/clinic-rg/providers";

    private const string Required = """
        param directLineSecret = 'direct-line-secret-for-the-tests-0123456789'
        param adminKey = 'admin-key-for-the-tests-0123456789'
        param clinicName = 'Example Clinic'
        """;

    private const string Contact = "param clinicEmail = 'care@clinic.example'";

    private readonly string _folder = Directory.CreateTempSubdirectory("bot-snapshot-").FullName;

    [Fact]
    public async Task MainBicepparam_Snapshot_IsAManagedIdentityBotOnSqliteWithItsSecretsInKeyVault()
    {
        var parameters = (await File.ReadAllTextAsync(Path.Combine(BicepCli.TemplatesFolder, "main.bicepparam"))).Replace("using './main.bicep'", $"using '{MainBicep}'", StringComparison.Ordinal);
        var environment = new Dictionary<string, string> { ["DIRECT_LINE_SECRET"] = new('d', 48), ["ADMIN_KEY"] = new('a', 32) };

        var sut = await SnapshotAsync(parameters, environment);

        var vault = Name(sut, "Microsoft.KeyVault/vaults");
        Assert.Equal(
            ["Microsoft.Authorization/roleAssignments", "Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels", "Microsoft.BotService/botServices/channels",
             "Microsoft.KeyVault/vaults", "Microsoft.KeyVault/vaults/secrets", "Microsoft.KeyVault/vaults/secrets", "Microsoft.ManagedIdentity/userAssignedIdentities",
             "Microsoft.Web/serverfarms", "Microsoft.Web/sites", "Microsoft.Web/sites/basicPublishingCredentialsPolicies", "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
             "Microsoft.Web/sites/config"],
            Resources(sut).Select(resource => resource["type"]!.GetValue<string>()).Order());
        var settings = Settings(sut);
        Assert.Equal(KeyVaultReference(vault, "direct-line-secret"), settings["DirectLine__Secret"]);
        Assert.Equal(KeyVaultReference(vault, "admin-key"), settings["Admin__Key"]);
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.Equal($"[reference('{Group}/Microsoft.ManagedIdentity/userAssignedIdentities/muscle-bot-id', '2024-11-30').clientId]", settings["MicrosoftAppId"]);
        Assert.Equal(Tenant, settings["MicrosoftAppTenantId"]);
        Assert.Equal("/home/data/bot.db", settings["Storage__SqlitePath"]);
        Assert.Equal("DELETE", settings["Storage__SqliteJournalMode"]);
        Assert.Equal("https://www.clinic.example", settings["DirectLine__AllowedOrigins__0"]);
        Assert.Equal(["Clinic__Email", "Clinic__Hours", "Clinic__Name", "Clinic__Phone", "Clinic__Url"], settings.Keys.Where(key => key.StartsWith("Clinic__", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain("MicrosoftAppPassword", settings.Keys);
        Assert.Equal(1, Single(sut, "Microsoft.Web/serverfarms")["sku"]!["capacity"]!.GetValue<int>());
        Assert.All(OfType(sut, "Microsoft.Web/sites/basicPublishingCredentialsPolicies"), policy => Assert.False(policy["properties"]!["allow"]!.GetValue<bool>()));
        var bot = Single(sut, "Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal($"{Group}/Microsoft.ManagedIdentity/userAssignedIdentities/muscle-bot-id", bot["msaAppMSIResourceId"]!.GetValue<string>());
        Assert.Equal("SystemAssigned, UserAssigned", Single(sut, "Microsoft.Web/sites")["identity"]!["type"]!.GetValue<string>());
        Assert.Equal($"[format('https://{{0}}/api/messages', reference('{Group}/Microsoft.Web/sites/muscle-bot-web', '2025-03-01').defaultHostName)]", bot["endpoint"]!.GetValue<string>());
        Assert.Equal(["MsTeamsChannel", "WebChatChannel"], OfType(sut, "Microsoft.BotService/botServices/channels").Select(channel => channel["properties"]!["channelName"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task SingleTenantOnPostgres_Snapshot_HasAPrivateDatabaseOverVerifiedTlsAndEverySecretInKeyVault()
    {
        var sut = await SnapshotAsync($"""
            using '{MainBicep}'
            param botName = 'clinic-bot'
            param microsoftAppType = 'SingleTenant'
            param microsoftAppId = '11111111-2222-3333-4444-555555555555'
            param microsoftAppPassword = 'app-password'
            param storageProvider = 'Postgres'
            param instanceCount = 3
            param postgresAdminPassword = 'database-password'
            {Required}
            {Contact}
            """);

        var vault = Name(sut, "Microsoft.KeyVault/vaults");
        var server = Single(sut, "Microsoft.DBforPostgreSQL/flexibleServers")["properties"]!;
        var site = Single(sut, "Microsoft.Web/sites")["properties"]!;
        var settings = Settings(sut);
        var connection = Resources(sut).Single(resource => resource["name"]!.GetValue<string>() == $"{vault}/postgres-connection-string")["properties"]!["value"]!.GetValue<string>();

        Assert.Equal("Disabled", server["network"]!["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal($"{Group}/Microsoft.Network/virtualNetworks/clinic-bot-vnet/subnets/postgres", server["network"]!["delegatedSubnetResourceId"]!.GetValue<string>());
        Assert.Equal($"{Group}/Microsoft.Network/virtualNetworks/clinic-bot-vnet/subnets/app", site["virtualNetworkSubnetId"]!.GetValue<string>());
        Assert.Empty(OfType(sut, "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"));
        Assert.Equal("17", server["version"]!.GetValue<string>());
        Assert.StartsWith("[format('Host={0};Database={1};Username={2};Password=\"{3}\";SSL Mode=VerifyFull'", connection, StringComparison.Ordinal);
        Assert.Equal(KeyVaultReference(vault, "postgres-connection-string"), settings["Storage__PostgresConnectionString"]);
        Assert.Equal(KeyVaultReference(vault, "microsoft-app-password"), settings["MicrosoftAppPassword"]);
        Assert.Equal("11111111-2222-3333-4444-555555555555", settings["MicrosoftAppId"]);
        Assert.DoesNotContain("Storage__SqlitePath", settings.Keys);
        Assert.Equal(3, Single(sut, "Microsoft.Web/serverfarms")["sku"]!["capacity"]!.GetValue<int>());
        Assert.Empty(OfType(sut, "Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    [Theory]
    [InlineData("param microsoftAppType = 'SingleTenant'\nparam microsoftAppId = '11111111-2222-3333-4444-555555555555'", true, "microsoftAppType SingleTenant needs microsoftAppPassword")]
    [InlineData("param storageProvider = 'Postgres'", true, "storageProvider Postgres needs postgresAdminPassword")]
    [InlineData("param instanceCount = 2", true, "instanceCount must be 1 (or use storageProvider Postgres)")]
    [InlineData("", false, "Give at least one of clinicPhone, clinicEmail, clinicUrl")]
    public async Task Snapshot_WithoutWhatItsChoicesNeed_FailsNamingTheParameter(string parameters, bool withContact, string message)
    {
        var file = Path.Combine(_folder, "incomplete.bicepparam");
        await File.WriteAllTextAsync(file, $"using '{MainBicep}'\nparam botName = 'clinic-bot'\n{Required}\n{(withContact ? Contact : string.Empty)}\n{parameters}\n");

        var run = await RunSnapshotAsync(file, null);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>main.bicep as the parameter files here must name it: relative to their folder.</summary>
    private string MainBicep => Path.GetRelativePath(_folder, Path.Combine(BicepCli.TemplatesFolder, "main.bicep"));

    private async Task<JsonNode> SnapshotAsync(string parameters, IReadOnlyDictionary<string, string>? environment = null)
    {
        var file = Path.Combine(_folder, "deployment.bicepparam");
        await File.WriteAllTextAsync(file, parameters);

        var run = await RunSnapshotAsync(file, environment);

        Assert.True(run.ExitCode == 0 && run.Errors.Length == 0, run.ToString());
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(file, ".snapshot.json")))!;
        Assert.Empty(snapshot["diagnostics"]!.AsArray());
        return snapshot;
    }

    private static Task<BicepRun> RunSnapshotAsync(string file, IReadOnlyDictionary<string, string>? environment) =>
        BicepCli.RunAsync(environment, "snapshot", file, "--subscription-id", Subscription, "--tenant-id", Tenant, "--resource-group", "clinic-rg", "--location", "westeurope");

    private static string KeyVaultReference(string vault, string secret) =>
        $"[format('@Microsoft.KeyVault(SecretUri={{0}})', reference('{Group}/Microsoft.KeyVault/vaults/{vault}/secrets/{secret}', '2026-05-15').secretUri)]";

    private static IEnumerable<JsonNode> Resources(JsonNode snapshot) => snapshot["predictedResources"]!.AsArray().Select(resource => resource!);

    private static IEnumerable<JsonNode> OfType(JsonNode snapshot, string type) => Resources(snapshot).Where(resource => resource["type"]!.GetValue<string>() == type);

    private static JsonNode Single(JsonNode snapshot, string type) => Assert.Single(OfType(snapshot, type));

    private static string Name(JsonNode snapshot, string type) => Single(snapshot, type)["name"]!.GetValue<string>();

    private static Dictionary<string, string> Settings(JsonNode snapshot) =>
        Single(snapshot, "Microsoft.Web/sites/config")["properties"]!.AsObject().ToDictionary(setting => setting.Key, setting => setting.Value!.GetValue<string>());
}
