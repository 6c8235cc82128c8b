using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HandhavingsKoers.EndToEnd.Deployment;

/// <summary>
/// Debian's nginx, started by the test with a configuration of its own in a temporary folder: the repository's
/// <c>deploy/nginx/handhavingskoers.conf</c> with only the ports, the app's address and the log folder changed and
/// the certificate lines left out (TLS itself is not what is tested; the config says X-Forwarded-Proto https).
/// </summary>
public sealed class Nginx : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;

    private Nginx(Process process, string folder, int port, int redirectPort)
    {
        _process = process;
        Folder = folder;
        Port = port;
        RedirectPort = redirectPort;
    }

    public string Folder { get; }

    /// <summary>Where the documented HTTPS server listens in the test (without TLS).</summary>
    public int Port { get; }

    /// <summary>Where the documented port-80 server (the redirect to HTTPS) listens in the test.</summary>
    public int RedirectPort { get; }

    public string AccessLog => File.ReadAllText(Path.Combine(Folder, "handhavingskoers.access.log"));

    public static Task<Nginx> StartAsync(int appPort) => StartAsync([appPort], plainHttpToClients: false);

    /// <summary>
    /// nginx in front of several instances (round robin, as docs/deployment.md shows for N instances): the one
    /// <c>server</c> line of the upstream becomes one per instance. With <paramref name="plainHttpToClients"/> the app
    /// is told the clients speak plain HTTP (X-Forwarded-Proto http), so a test's cookie jar sends its cookies back
    /// (the app marks them Secure behind HTTPS, and there is no TLS in the test).
    /// </summary>
    public static async Task<Nginx> StartAsync(int[] appPorts, bool plainHttpToClients)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hk-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var (port, redirectPort) = (FreePort(), FreePort());
        var config = SiteConfig(folder, appPorts[0], port, redirectPort);
        config = config.Replace($"    server 127.0.0.1:{appPorts[0]};", string.Join('\n', appPorts.Select(p => $"    server 127.0.0.1:{p};")), StringComparison.Ordinal);
        if (plainHttpToClients)
        {
            Assert.Contains("proxy_set_header X-Forwarded-Proto https;", config, StringComparison.Ordinal);
            config = config.Replace("proxy_set_header X-Forwarded-Proto https;", "proxy_set_header X-Forwarded-Proto http;", StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "handhavingskoers.conf"), config);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            events { worker_connections 256; }
            http {
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                access_log {{folder}}/access.log;
                include {{folder}}/handhavingskoers.conf;
            }
            """);

        var check = Run(folder, "-t");
        await check.WaitForExitAsync();
        Assert.True(check.ExitCode == 0, $"nginx -t refused the configuration:\n{await check.StandardError.ReadToEndAsync()}");

        var nginx = new Nginx(Run(folder), folder, port, redirectPort);
        await nginx.WaitUntilListeningAsync();
        return nginx;
    }

    /// <summary>The repository's site config for this test: every change is one that must apply exactly as expected.</summary>
    public static string SiteConfig(string folder, int appPort, int port, int redirectPort)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "nginx", "handhavingskoers.conf")).ToList();
        Replace(lines, "    server 127.0.0.1:5080;", $"    server 127.0.0.1:{appPort};");
        Replace(lines, "    listen 443 ssl http2;", $"    listen 127.0.0.1:{port};");
        Replace(lines, "    listen 80;", $"    listen 127.0.0.1:{redirectPort};");
        Assert.Equal(2, lines.RemoveAll(l => l.StartsWith("    listen [::]:", StringComparison.Ordinal)));
        Assert.Equal(3, lines.RemoveAll(l => l.StartsWith("    ssl_", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l.Contains("/var/log/nginx/", StringComparison.Ordinal)));
        return string.Join('\n', lines).Replace("/var/log/nginx/", folder + "/", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Replace(List<string> lines, string line, string with)
    {
        Assert.Equal(1, lines.Count(l => l == line));
        lines[lines.IndexOf(line)] = with;
    }

    private static Process Run(string folder, params string[] extra)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.False(_process.HasExited, $"nginx stopped:\n{await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("nginx did not start listening.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HandhavingsKoers.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("HandhavingsKoers.sln not found above the test output");
    }
}

/// <summary>
/// A test that needs nginx. Reported as skipped where nginx is not installed, unless HK_REQUIRE_NGINX=1 (as in CI):
/// then it runs, and fails without nginx, so a skip can never pass for a success there.
/// </summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (!File.Exists(Nginx.Binary) && Environment.GetEnvironmentVariable("HK_REQUIRE_NGINX") != "1")
        {
            Skip = $"nginx is not installed at {Nginx.Binary} (apt-get install nginx).";
        }
    }
}
