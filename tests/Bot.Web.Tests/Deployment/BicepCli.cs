using System.Diagnostics;
using System.Reflection;

namespace Bot.Web.Tests.Deployment;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package this project restores (its path is baked in at build).</summary>
internal static class BicepCli
{
    /// <summary>The folder holding main.bicep.</summary>
    public static string TemplatesFolder { get; } = Path.Combine(RepositoryPaths.Root, "deploymentTemplates");

    private static readonly string Executable = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepPath").Value!;

    /// <summary>Runs <c>bicep</c> in the templates folder with only the given environment variables set besides the process's own minimum.</summary>
    public static async Task<BicepRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        Assert.True(File.Exists(Executable), $"The Bicep CLI is not at {Executable}: restore tests/Bot.Web.Tests (it downloads the Azure.Bicep.CommandLine.linux-x64 package).");
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = TemplatesFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A clean environment: a developer's own DIRECT_LINE_SECRET or ADMIN_KEY must not make a test pass or fail.
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran for more than 2 minutes.");
        }

        return new BicepRun(process.ExitCode, await output, await error);
    }
}
