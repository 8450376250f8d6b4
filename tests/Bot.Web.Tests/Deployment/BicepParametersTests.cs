using System.Text.Json.Nodes;

namespace Bot.Web.Tests.Deployment;

/// <summary>main.bicepparam through the real Bicep CLI: the secrets come only from the environment, and main.parameters.json (for ARM) holds the same values less the secrets.</summary>
public sealed class BicepParametersTests
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["DIRECT_LINE_SECRET"] = "direct-line-secret-for-the-tests-0123456789",
        ["ADMIN_KEY"] = "admin-key-for-the-tests-0123456789",
    };

    [Fact]
    public async Task MainBicepparam_WithTheSecretsInTheEnvironment_BuildsToMainParametersJsonPlusTheSecrets()
    {
        var run = await BicepCli.RunAsync(Secrets, "build-params", "main.bicepparam", "--stdout");
        Assert.True(run.ExitCode == 0 && run.Errors.Length == 0, run.ToString());

        var output = JsonNode.Parse(run.Output)!;
        var parameters = JsonNode.Parse(output["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
        var template = JsonNode.Parse(output["templateJson"]!.GetValue<string>())!["parameters"]!.AsObject();
        var secure = template.Where(parameter => parameter.Value!["type"]!.GetValue<string>() == "securestring").Select(parameter => parameter.Key).ToList();
        Assert.Equal(Secrets["DIRECT_LINE_SECRET"], parameters["directLineSecret"]!["value"]!.GetValue<string>());
        Assert.Equal(Secrets["ADMIN_KEY"], parameters["adminKey"]!["value"]!.GetValue<string>());

        foreach (var name in secure)
        {
            parameters.Remove(name);
        }

        var armParameters = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BicepCli.TemplatesFolder, "main.parameters.json")))!["parameters"]!;
        Assert.True(JsonNode.DeepEquals(parameters, armParameters), $"main.parameters.json differs from main.bicepparam less its secrets:\n{parameters}");
    }

    [Fact]
    public async Task MainBicepparam_WithoutTheSecrets_FailsNamingEachMissingVariable()
    {
        var run = await BicepCli.RunAsync(null, "build-params", "main.bicepparam", "--stdout");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Environment variable \"DIRECT_LINE_SECRET\" does not exist", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Environment variable \"ADMIN_KEY\" does not exist", run.Errors, StringComparison.Ordinal);
    }
}
