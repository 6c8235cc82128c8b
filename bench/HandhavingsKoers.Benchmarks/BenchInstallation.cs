using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// What the busy-room benchmark runs against: one instance on SQLite, one on PostgreSQL, or two on PostgreSQL behind
/// nginx (round robin, the upstream of deploy/nginx/handhavingskoers.conf with two servers). Each PostgreSQL run gets
/// a database of its own on the server of <c>HK_BENCH_POSTGRES</c>, dropped afterwards.
/// </summary>
public sealed class BenchInstallation : IAsyncDisposable, IDisposable
{
    private readonly List<ServerProcess> _servers;
    private readonly Process? _nginx;
    private readonly string? _database;

    private BenchInstallation(string description, string url, List<ServerProcess> servers, Process? nginx, string? database)
    {
        Description = description;
        Url = url;
        _servers = servers;
        _nginx = nginx;
        _database = database;
    }

    public string Description { get; }

    public string Url { get; }

    public static async Task<BenchInstallation> StartAsync(string store)
    {
        if (store == "sqlite")
        {
            var server = await ServerProcess.StartAsync();
            return new BenchInstallation("SQLite, one instance", server.Url, [server], null, null);
        }

        if (store is not ("postgres" or "postgres2"))
        {
            throw new ArgumentException($"Unknown store {store}: sqlite, postgres, postgres2 or all.", nameof(store));
        }

        var admin = Environment.GetEnvironmentVariable("HK_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set HK_BENCH_POSTGRES to a connection string of a PostgreSQL server where the benchmark may create a database (README, Speed).");
        var name = "hk_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        if (store == "postgres")
        {
            var server = await ServerProcess.StartAsync(database);
            return new BenchInstallation("PostgreSQL, one instance", server.Url, [server], null, database);
        }

        var servers = (await Task.WhenAll(ServerProcess.StartAsync(database), ServerProcess.StartAsync(database))).ToList();
        var (nginx, url) = await StartNginxAsync(servers.Select(s => new Uri(s.Url).Port).ToList());
        return new BenchInstallation("PostgreSQL, two instances behind nginx (round robin)", url, servers, nginx, database);
    }

    /// <summary>Peak resident memory of each instance.</summary>
    public string PeakMegabytes() => string.Join(" + ", _servers.Select(s => $"{s.PeakMegabytes():0} MB"));

    private static async Task<(Process Nginx, string Url)> StartNginxAsync(List<int> ports)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hk-bench-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port;
        using (var free = new TcpListener(IPAddress.Loopback, 0))
        {
            free.Start();
            port = ((IPEndPoint)free.LocalEndpoint).Port;
        }

        // As deploy/nginx/handhavingskoers.conf, without TLS; X-Forwarded-Proto http so the load tool's cookies
        // (not Secure then) go back over plain HTTP.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                access_log off;
                upstream handhavingskoers {
            {{string.Join("\n", ports.Select(p => $"        server 127.0.0.1:{p};"))}}
                    keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 1m;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto http;
                    location / { proxy_pass http://handhavingskoers; }
                    location ~ ^/w/[0-9a-fA-F-]+/live$ {
                        proxy_pass http://handhavingskoers;
                        proxy_buffering off;
                        proxy_cache off;
                        proxy_read_timeout 1h;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(arg);
        }

        var nginx = Process.Start(start)!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return (nginx, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("nginx did not start: " + await nginx.StandardError.ReadToEndAsync());
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(_database) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(_database).Database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
