using System.Text.Json.Nodes;

namespace Bot.Web.Tests.Deployment;

/// <summary>main.bicep through the real Bicep CLI: it compiles and lints clean, and main.json is its output.</summary>
public sealed class BicepTemplateTests
{
    private static readonly Lazy<Task<BicepRun>> Compiled = new(() => BicepCli.RunAsync(null, "build", "main.bicep", "--stdout"));

    [Fact]
    public async Task MainBicep_Build_SucceedsWithoutAnyDiagnostic()
    {
        var run = await Compiled.Value;

        Assert.True(run.ExitCode == 0 && run.Errors.Length == 0, run.ToString());
    }

    [Fact]
    public async Task MainJson_ComparedWithMainBicepCompiled_IsTheSame()
    {
        var run = await Compiled.Value;
        Assert.Equal(0, run.ExitCode);

        var compiled = WithoutGenerator(run.Output);
        var committed = WithoutGenerator(await File.ReadAllTextAsync(Path.Combine(BicepCli.TemplatesFolder, "main.json")));

        Assert.True(JsonNode.DeepEquals(compiled, committed), "deploymentTemplates/main.json is stale: run `bicep build main.bicep` in deploymentTemplates (Bicep 0.49.2).");
    }

    [Fact]
    public async Task MainBicep_Lint_ReportsNothing()
    {
        var run = await BicepCli.RunAsync(null, "lint", "main.bicep");

        Assert.True(run.ExitCode == 0 && run.Errors.Length == 0 && run.Output.Trim().Length == 0, run + run.Output);
    }

    /// <summary>The generator's version and the template's hash say which CLI wrote the file, not what it deploys.</summary>
    private static JsonNode WithoutGenerator(string template)
    {
        var node = JsonNode.Parse(template)!;
        node["metadata"]!.AsObject().Remove("_generator");
        return node;
    }
}
