using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Bot.Web.Tests.Replicas;

/// <summary>
/// The service as its own process (<c>dotnet Bot.Web.dll</c> from the test output), on a free loopback port, with
/// the given settings as environment variables; killed with SIGKILL (kill -9) by <see cref="Kill"/>.
/// </summary>
public sealed partial class Replica : IAsyncDisposable
{
    private readonly Process _process;

    private Replica(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where it listens.</summary>
    public Uri Address { get; }

    /// <summary>A client for it.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts a replica (in <paramref name="workingDirectory"/>, the repository by default) and waits until /readyz says it is ready.</summary>
    public static async Task<Replica> StartAsync(IReadOnlyDictionary<string, string> settings, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && Listening().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var replica = new Replica(process, address);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await replica.Client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return replica;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The replica did not become ready.");
    }

    /// <summary>A client for it that authenticates with <paramref name="bearer"/>.</summary>
    public HttpClient ClientWith(string bearer)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flushing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        Client.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
