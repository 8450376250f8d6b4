namespace Bot.Web.Tests.Deployment;

/// <summary>What one run of the Bicep CLI printed and returned.</summary>
internal sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n{Errors}";
}
