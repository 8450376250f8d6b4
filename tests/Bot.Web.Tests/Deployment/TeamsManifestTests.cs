using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Bot.Web.Tests.Deployment;

/// <summary>The Teams app package in deploymentTemplates/teams: the manifest against the official v1.17 schema, and the icons.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(BicepCli.TemplatesFolder, "teams");

    private static readonly JsonSchema Schema = LoadSchema();

    [Fact]
    public void TeamsManifest_AgainstTheOfficialV117Schema_IsValid()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));

        var result = Schema.Evaluate(manifest.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
        Assert.Equal("https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json", manifest.RootElement.GetProperty("$schema").GetString());
    }

    [Theory]
    [InlineData("manifestVersion", "\"1.16\"")]
    [InlineData("accentColor", "\"teal\"")]
    [InlineData("supportsCalling", "true")]
    public void TeamsSchema_AManifestWithOneFieldWrong_IsInvalid(string field, string value)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;
        manifest[field] = JsonNode.Parse(value);
        using var document = JsonDocument.Parse(manifest.ToJsonString());

        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void TeamsManifest_Icons_AreTheSizesTeamsRequiresWithTransparency()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var icons = manifest.RootElement.GetProperty("icons");

        Assert.Equal((192, 192), Png(icons.GetProperty("color").GetString()!).Size);
        var outline = Png(icons.GetProperty("outline").GetString()!);
        Assert.Equal((32, 32), outline.Size);
        Assert.Contains(outline.ColourType, new byte[] { 4, 6 });
    }

    /// <summary>
    /// The official file declares draft-04 yet uses <c>const</c> (draft-06), and every keyword it uses means the same
    /// in draft-07, so it is evaluated as draft-07: JsonSchema.Net knows no draft-04, and a draft-04 validator would
    /// skip <c>const</c>. The copy on disk stays as published.
    /// </summary>
    private static JsonSchema LoadSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "TeamsSchema", "MicrosoftTeams.v1.17.schema.json")))!;
        Assert.Equal("http://json-schema.org/draft-04/schema#", schema["$schema"]!.GetValue<string>());
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(schema.ToJsonString());
    }

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"));

    private static ((int Width, int Height) Size, byte ColourType) Png(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        Assert.Equal("\u0089PNG", string.Concat(bytes.Take(4).Select(value => (char)value)));
        return ((BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))), bytes[25]);
    }
}
