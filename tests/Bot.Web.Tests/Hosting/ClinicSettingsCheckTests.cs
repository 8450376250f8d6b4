using System.Text.Json;
using Bot.Knowledge.Answers;
using Bot.Web.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Web.Tests.Hosting;

public sealed class ClinicSettingsCheckTests
{
    [Fact]
    public async Task StartAsync_ContactEmpty_WarnsThatPatientsCannotBeToldHowToReachTheClinic()
    {
        var logger = new FakeLogger<ClinicSettingsCheck>();
        var sut = new ClinicSettingsCheck(Options.Create(new ClinicOptions { Name = "Example Clinic", Phone = "", Email = " ", Url = null }), logger);

        await sut.StartAsync(CancellationToken.None);

        Assert.Equal(LogLevel.Warning, logger.LatestRecord.Level);
        Assert.Contains("no Phone, Email or Url", logger.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ShippedSettings_WarnsThatTheyAreTheDemoClinic()
    {
        using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "appsettings.json")));
        var clinic = settings.RootElement.GetProperty("Clinic").Deserialize<ClinicOptions>()!;
        var logger = new FakeLogger<ClinicSettingsCheck>();
        var sut = new ClinicSettingsCheck(Options.Create(clinic), logger);

        await sut.StartAsync(CancellationToken.None);

        Assert.True(clinic.HasContact);
        Assert.Contains("demo values", Assert.Single(logger.Collector.GetSnapshot()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OwnClinicWithPhone_WarnsOfNothing()
    {
        var logger = new FakeLogger<ClinicSettingsCheck>();
        var sut = new ClinicSettingsCheck(Options.Create(new ClinicOptions { Name = "Example Clinic", Phone = "555-0199" }), logger);

        await sut.StartAsync(CancellationToken.None);

        Assert.Empty(logger.Collector.GetSnapshot());
    }
}
