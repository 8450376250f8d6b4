using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Web.Tests.Deployment;

/// <summary>The committed files in deploymentTemplates, and where the compiled template (main.json, kept equal to main.bicep by <see cref="BicepTemplateTests"/>) lets secrets go.</summary>
public sealed partial class DeploymentTemplatesTests
{
    private static readonly string Folder = BicepCli.TemplatesFolder;

    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonObject Template = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "main.json")))!.AsObject();

    private static JsonObject Resources => Template["resources"]!.AsObject();

    public static TheoryData<string> JsonFiles() => [.. Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Folder, path))];

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void JsonFile_Parses(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void Template_SecureParameters_AreRequiredOrFailTheDeploymentNamingThemWhenTheirChoiceNeedsThem()
    {
        var secure = Template["parameters"]!.AsObject().Where(parameter => parameter.Value!["type"]!.GetValue<string>() == "securestring").ToList();

        Assert.NotEmpty(secure);
        Assert.All(secure, parameter =>
        {
            Assert.Null(parameter.Value!["defaultValue"]);
            var nullable = parameter.Value["nullable"]?.GetValue<bool>() == true;
            Assert.True(!nullable || Regex.IsMatch(Template.ToJsonString(AsWritten), $@"fail\('[^']*\b{parameter.Key}\b"), $"{parameter.Key} may be left out, but no fail() names it");
        });
    }

    [Fact]
    public void Template_SecureValues_GoOnlyIntoKeyVaultSecretsAndTheDatabaseServer()
    {
        var carriers = SecureValue();
        var holders = Resources.Where(resource => carriers.IsMatch(resource.Value!.ToJsonString(AsWritten))).Select(resource => resource.Value!["type"]!.GetValue<string>()).Distinct().Order();

        Assert.Equal(["Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.KeyVault/vaults/secrets"], holders);
        Assert.DoesNotMatch(carriers, Template["outputs"]!.ToJsonString(AsWritten));
    }

    [Fact]
    public void DeploymentReadme_NamesEveryParameterOfTheTemplate()
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));

        Assert.All(Template["parameters"]!.AsObject(), parameter => Assert.Contains($"`{parameter.Key}`", readme, StringComparison.Ordinal));
    }

    /// <summary>A secure parameter, or a variable made from one.</summary>
    [GeneratedRegex(@"parameters\('(microsoftAppPassword|directLineSecret|adminKey|postgresAdminPassword)'\)|variables\('(appPassword|databasePassword)'\)")]
    private static partial Regex SecureValue();
}
