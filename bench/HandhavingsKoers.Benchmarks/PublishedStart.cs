using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// What a restart costs the first people in a published app (docs/deployment.md, step 1): starts
/// <c>HandhavingsKoers.Web.dll</c> from a publish folder in Production on an empty data folder, as the systemd unit
/// does (working directory = the folder), and times until <c>/health</c> first answers, then the first home page, the
/// first blank A3 poster PDF (a PDF rendered in that process for the first time) and the first <c>/starten</c>.
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- start &lt;publish folder&gt; [starts]</c>
/// </summary>
public static class PublishedStart
{
    public static async Task RunAsync(string folder, int starts)
    {
        folder = Path.GetFullPath(folder);
        var dll = Path.Combine(folder, "HandhavingsKoers.Web.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"No HandhavingsKoers.Web.dll in {folder}: publish the app there first.");
            return;
        }

        string[] names = ["ready (/health answers)", "first /", "first poster PDF", "first /starten"];
        var runs = new List<double[]>();
        for (var run = 0; run < starts; run++)
        {
            var data = Path.Combine(Path.GetTempPath(), "hk-start", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(data);
            var url = $"http://127.0.0.1:{FreePort()}";
            var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Storage__DatabasePath"] = Path.Combine(data, "hk.db");
            start.Environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(data, "logs", "hk-.log");

            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var times = new double[names.Length];
                while (true)
                {
                    try
                    {
                        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                        if (health.StatusCode == HttpStatusCode.OK)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException) when (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                    {
                    }

                    await Task.Delay(10);
                }

                times[0] = clock.Elapsed.TotalMilliseconds;
                string[] paths = ["/", "/praatplaat/koers-2026-2029/poster.pdf", "/starten"];
                for (var i = 0; i < paths.Length; i++)
                {
                    var at = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(new Uri(paths[i], UriKind.Relative));
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                    times[i + 1] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
                }

                runs.Add(times);
                Console.WriteLine(string.Join(", ", names.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name} {times[i]:0} ms"))));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Directory.Delete(data, recursive: true);
            }
        }

        Console.WriteLine(string.Join(", ", names.Select((name, i) =>
        {
            var sorted = runs.Select(r => r[i]).Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"{name} median {sorted[sorted.Length / 2]:0} ms");
        })) + $" ({starts} starts of {folder})");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
