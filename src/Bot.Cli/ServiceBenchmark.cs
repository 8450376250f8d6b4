using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bot.Cli;

/// <summary>
/// The service part of <c>bench</c>: the built service (<c>src/Bot.Web/bin/Release/net10.0/Bot.Web.dll</c>) started as a
/// real process on loopback, on a fresh data folder (the Lucene index built, vectors from the shipped file) and again
/// on the same folder (index and vectors reopened), timed until <c>/readyz</c> answers 200 and until the first answer;
/// then, in the second process, a closed loop of 8 connections on the hello-world <c>GET /healthz</c> and on
/// <c>POST /api/messages</c> in the same run, and the process's peak resident memory (VmHWM).
/// Messages use <c>deliveryMode: expectReplies</c>, the protocol's way of returning replies in the response, with a
/// loopback serviceUrl, so the service never posts anywhere (anonymous mode accepts loopback only).
/// </summary>
internal static class ServiceBenchmark
{
    private const int Connections = 8;

    public static async Task RunAsync(AppSettings settings, string[] options, string[] questions, TextWriter output)
    {
        var dll = Benchmark.OptionValue(options, "--service") ?? Path.Combine(settings.RepositoryDirectory, "src", "Bot.Web", "bin", "Release", "net10.0", "Bot.Web.dll");
        if (!File.Exists(dll))
        {
            output.WriteLine($"service: {dll} not found; build it first (dotnet build -c Release src/Bot.Web) to measure start-up and /api/messages.");
            return;
        }

        var seconds = double.Parse(Benchmark.OptionValue(options, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        var data = Directory.CreateTempSubdirectory("bot-bench-service-");
        try
        {
            output.WriteLine($"service: dotnet {dll}, data in a fresh temporary folder; load average before: {Benchmark.LoadAverage()}");
            output.WriteLine();
            output.WriteLine("| start | ready (/readyz 200) (s) | first answer (s) | resident after first answer (MB) |");
            output.WriteLine("|---|---:|---:|---:|");
            using (var fresh = await ServiceProcess.StartAsync(dll, settings.RepositoryDirectory, data.FullName))
            {
                output.WriteLine($"| fresh data folder (index built) | {fresh.Ready.TotalSeconds:0.00} | {fresh.FirstAnswer.TotalSeconds:0.00} | {fresh.ResidentMb():0} |");
            }

            using var service = await ServiceProcess.StartAsync(dll, settings.RepositoryDirectory, data.FullName);
            output.WriteLine($"| restart, same folder (index and vectors reopened) | {service.Ready.TotalSeconds:0.00} | {service.FirstAnswer.TotalSeconds:0.00} | {service.ResidentMb():0} |");
            output.WriteLine();

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, UseProxy = false }) { BaseAddress = service.Url };
            var counter = 0;
            HttpRequestMessage Hello() => new(HttpMethod.Get, "healthz");
            HttpRequestMessage Repeated() => ServiceProcess.Message(Interlocked.Increment(ref counter), questions);
            HttpRequestMessage Distinct()
            {
                var number = Interlocked.Increment(ref counter);
                return ServiceProcess.Message(number, [$"{questions[number % questions.Length]} {number}"]);
            }

            await LoopAsync(http, Hello, TimeSpan.FromSeconds(2));
            await LoopAsync(http, Repeated, TimeSpan.FromSeconds(2));
            output.WriteLine($"| {Connections} connections, {seconds:0} s each | requests | per second | p50 (ms) | p99 (ms) | share of hello-world |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            var hello = await LoopAsync(http, Hello, TimeSpan.FromSeconds(seconds));
            output.WriteLine(Line("hello-world GET /healthz", hello, hello));
            output.WriteLine(Line("POST /api/messages, the 38 dev questions in turn (reply memory warm)", await LoopAsync(http, Repeated, TimeSpan.FromSeconds(seconds)), hello));
            output.WriteLine(Line("POST /api/messages, every question new (embedded each time)", await LoopAsync(http, Distinct, TimeSpan.FromSeconds(seconds)), hello));
            output.WriteLine();
            output.WriteLine($"service peak resident memory (VmHWM): {service.PeakResidentMb():0} MB; load average after: {Benchmark.LoadAverage()}");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static string Line(string what, (List<double> Latencies, TimeSpan Elapsed) run, (List<double> Latencies, TimeSpan Elapsed) hello)
    {
        var rate = run.Latencies.Count / run.Elapsed.TotalSeconds;
        return $"| {what} | {run.Latencies.Count} | {rate:0} | {Benchmark.Percentile(run.Latencies, 0.5):0.00} | {Benchmark.Percentile(run.Latencies, 0.99):0.00} | {rate / (hello.Latencies.Count / hello.Elapsed.TotalSeconds):0%} |";
    }

    /// <summary>Connections loops, each sending the next request when the last one's response has been read, until the time is up.</summary>
    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> LoopAsync(HttpClient http, Func<HttpRequestMessage> request, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request());
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return latencies;
        })));
        return ([.. runs.SelectMany(latencies => latencies)], clock.Elapsed);
    }

    /// <summary>One service process on a free loopback port with its data in a given folder; killed when disposed.</summary>
    private sealed class ServiceProcess : IDisposable
    {
        private readonly Process _process;

        private ServiceProcess(Process process, Uri url)
        {
            _process = process;
            Url = url;
        }

        public Uri Url { get; }

        public TimeSpan Ready { get; private set; }

        public TimeSpan FirstAnswer { get; private set; }

        public static async Task<ServiceProcess> StartAsync(string dll, string repository, string data)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort()}/");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { dll, "--urls", url.ToString().TrimEnd('/') })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["Knowledge__IndexPath"] = Path.Combine(data, "index");
            start.Environment["Storage__SqlitePath"] = Path.Combine(data, "bot.db");
            var clock = Stopwatch.StartNew();
            var process = Process.Start(start) ?? throw new IOException("The service did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var service = new ServiceProcess(process, url);
            try
            {
                using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
                while (!await IsReadyAsync(http))
                {
                    if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2))
                    {
                        throw new IOException($"The service at {url} was not ready after {clock.Elapsed.TotalSeconds:0} s (exited: {process.HasExited}).");
                    }

                    await Task.Delay(10);
                }

                service.Ready = clock.Elapsed;
                using var answer = await http.SendAsync(Message(0, ["what causes muscle wasting"]));
                answer.EnsureSuccessStatusCode();
                service.FirstAnswer = clock.Elapsed;
                return service;
            }
            catch
            {
                service.Dispose();
                throw;
            }
        }

        public static HttpRequestMessage Message(int number, string[] questions)
        {
            var text = System.Text.Json.JsonSerializer.Serialize(questions[number % questions.Length]);
            var body = $$"""{"type":"message","id":"bench-{{number}}","channelId":"webchat","serviceUrl":"http://localhost/","from":{"id":"bench-user"},"recipient":{"id":"bot"},"conversation":{"id":"bench-{{number}}"},"text":{{text}},"deliveryMode":"expectReplies"}""";
            return new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        public double ResidentMb() => Status("VmRSS:");

        public double PeakResidentMb() => Status("VmHWM:");

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        /// <summary>A line of /proc/PID/status in kB, as MB.</summary>
        private double Status(string field)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(line => line.StartsWith(field, StringComparison.Ordinal));
            return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }

        private static async Task<bool> IsReadyAsync(HttpClient http)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
