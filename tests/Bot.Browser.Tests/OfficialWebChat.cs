using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Bot.Browser.Tests;

/// <summary>
/// The official Web Chat bundle (npm botframework-webchat, dist/webchat.js: React and Direct Line included),
/// fetched once with <c>npm pack</c> into the test output folder and served to the browser by the test.
/// </summary>
public static class OfficialWebChat
{
    /// <summary>The npm package and version the tests hold a conversation with.</summary>
    public const string Package = "botframework-webchat@4.18.1";

    private static readonly SemaphoreSlim Fetching = new(1, 1);

    /// <summary>The path of webchat.js, fetching the package first when it is not there yet.</summary>
    public static async Task<string> BundleAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "webchat");
        var bundle = Path.Combine(folder, "webchat.js");
        await Fetching.WaitAsync();
        try
        {
            if (!File.Exists(bundle))
            {
                Directory.CreateDirectory(folder);
                await NpmPackAsync(folder);
                var tarball = Directory.GetFiles(folder, "*.tgz").Single();
                await using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
                await using var tar = new TarReader(gzip);
                while (await tar.GetNextEntryAsync() is { } entry)
                {
                    if (entry.Name == "package/dist/webchat.js")
                    {
                        await entry.ExtractToFileAsync(bundle, overwrite: true);
                    }
                }

                File.Delete(tarball);
            }

            return File.Exists(bundle) ? bundle : throw new FileNotFoundException("The package holds no dist/webchat.js.", bundle);
        }
        finally
        {
            Fetching.Release();
        }
    }

    private static async Task NpmPackAsync(string folder)
    {
        using var npm = Process.Start(new ProcessStartInfo("npm", ["pack", Package, "--silent", "--pack-destination", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("npm could not be started.");
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.StandardOutput.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm pack {Package} failed: {await errors}");
        }
    }
}
