using System.Net;
using Bot.Web.Tests.Replicas;

namespace Bot.Web.Tests.Hosting;

/// <summary>The built dll as a new user starts it: its own process, from a folder that is not the repository.</summary>
public sealed class BuiltServiceTests
{
    [Fact]
    public async Task BuiltDll_StartedFromAnotherFolder_ServesTheWidgetAndAnswers()
    {
        var elsewhere = Directory.CreateTempSubdirectory("bot-built-service-").FullName;
        try
        {
            await using var sut = await Replica.StartAsync(new Dictionary<string, string> { ["Storage__Provider"] = "Memory" }, elsewhere);

            foreach (var path in new[] { "/", "/widget.js", "/widget.css", "/admin.html" })
            {
                var response = await sut.Client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            }

            Assert.Contains("mw-launcher", await sut.Client.GetStringAsync(new Uri("/widget.js", UriKind.Relative)), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
