using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Web.Tests.Deployment;

public sealed partial class DeploymentTemplatesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "deploymentTemplates");

    public static TheoryData<string> JsonFiles() => [.. Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Folder, path))];

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void JsonFile_Parses(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void ArmTemplate_EveryParameterUsedIsDeclaredAndEveryDeclaredOneUsed()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "main.json"));
        using var template = JsonDocument.Parse(text);
        var declared = template.RootElement.GetProperty("parameters").EnumerateObject().Select(parameter => parameter.Name).ToHashSet();
        var used = ArmParameter().Matches(text).Select(match => match.Groups[1].Value).ToHashSet();
        using var parameterFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "main.parameters.json")));

        Assert.Equal(declared.Order(), used.Order());
        Assert.All(parameterFile.RootElement.GetProperty("parameters").EnumerateObject(), parameter => Assert.Contains(parameter.Name, declared));
    }

    [Fact]
    public void Bicep_EveryParameterIsUsedAndMatchesTheArmTemplate()
    {
        var bicep = File.ReadAllText(Path.Combine(Folder, "main.bicep"));
        var declared = BicepParameter().Matches(bicep).Select(match => match.Groups[1].Value).ToList();
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "main.json")));
        var bicepParam = File.ReadAllText(Path.Combine(Folder, "main.bicepparam"));

        Assert.All(declared, name => Assert.True(Regex.Count(bicep, $@"\b{name}\b") > 1, $"{name} is declared but not used"));
        Assert.Equal(template.RootElement.GetProperty("parameters").EnumerateObject().Select(parameter => parameter.Name).Order(), declared.Order());
        Assert.All(BicepParamAssignment().Matches(bicepParam), match => Assert.Contains(match.Groups[1].Value, declared));
    }

    [Fact]
    public void Templates_CreateTheWebAppAndABotWithTeamsAndWebChat()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "main.json"));

        Assert.Contains("\"linuxFxVersion\": \"DOTNETCORE|10.0\"", text, StringComparison.Ordinal);
        Assert.Contains("/api/messages", text, StringComparison.Ordinal);
        Assert.Contains("\"channelName\": \"MsTeamsChannel\"", text, StringComparison.Ordinal);
        Assert.Contains("\"channelName\": \"WebChatChannel\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ArmTemplate_PostgresOption_AddsAFlexibleServerAndScalesThePlanOnlyWithIt()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "main.json")));
        var resources = template.RootElement.GetProperty("resources").EnumerateArray().ToList();

        var server = Assert.Single(resources, resource => resource.GetProperty("type").GetString() == "Microsoft.DBforPostgreSQL/flexibleServers");
        Assert.Equal("[variables('usePostgres')]", server.GetProperty("condition").GetString());
        var plan = Assert.Single(resources, resource => resource.GetProperty("type").GetString() == "Microsoft.Web/serverfarms");
        Assert.Equal("[if(variables('usePostgres'), parameters('instanceCount'), 1)]", plan.GetProperty("sku").GetProperty("capacity").GetString());
        var settings = Assert.Single(resources, resource => resource.GetProperty("type").GetString() == "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig");
        Assert.True(settings.GetProperty("webSocketsEnabled").GetBoolean());
        Assert.Contains("Storage__PostgresConnectionString", settings.GetProperty("appSettings").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TeamsManifest_HasWhatTeamsRequires()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "teams", "manifest.json")));
        var root = manifest.RootElement;

        foreach (var field in new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor", "bots" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"manifest lacks {field}");
        }

        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        Assert.Matches("^#[0-9A-Fa-f]{6}$", root.GetProperty("accentColor").GetString());
        Assert.InRange(root.GetProperty("name").GetProperty("short").GetString()!.Length, 1, 30);
        Assert.InRange(root.GetProperty("description").GetProperty("short").GetString()!.Length, 1, 80);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", root.GetProperty("developer").GetProperty(url).GetString(), StringComparison.Ordinal);
        }

        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.True(Guid.TryParse(bot.GetProperty("botId").GetString(), out _));
        Assert.Contains("personal", bot.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
        Assert.Equal((192, 192), PngSize(root.GetProperty("icons").GetProperty("color").GetString()!));
        Assert.Equal((32, 32), PngSize(root.GetProperty("icons").GetProperty("outline").GetString()!));
    }

    private static (int Width, int Height) PngSize(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "teams", file));
        Assert.Equal("\u0089PNG", string.Concat(bytes.Take(4).Select(value => (char)value)));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [GeneratedRegex(@"parameters\('([A-Za-z0-9_]+)'\)")]
    private static partial Regex ArmParameter();

    [GeneratedRegex(@"^param\s+([A-Za-z0-9_]+)\s", RegexOptions.Multiline)]
    private static partial Regex BicepParameter();

    [GeneratedRegex(@"^param\s+([A-Za-z0-9_]+)\s*=", RegexOptions.Multiline)]
    private static partial Regex BicepParamAssignment();
}
