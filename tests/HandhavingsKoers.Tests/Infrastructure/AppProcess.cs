using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// The app as its own process, started with a command from the docs (<c>dotnet run --project …</c>) the way an
/// operator types it, so the launch profile, the environment and the console output are the real ones. The command
/// runs with <c>--no-build</c> in the configuration of these tests (the solution build has built the app already).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release: the configuration these tests (and so the app beside them) were built in.</summary>
    public static string Configuration { get; } =
        typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Everything the process wrote to its console so far (stdout and stderr, in order of arrival).</summary>
    public string Output => string.Join('\n', _output);

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <paramref name="command"/> (a line from the docs beginning with <c>dotnet run</c>) with the extra
    /// <paramref name="appArguments"/> after <c>--</c>, and the given environment on top of a clean one: no
    /// ASPNETCORE_/DOTNET_ environment or MSBuild settings inherited from the test runner, so the launch profile decides.
    /// </summary>
    public static AppProcess Start(string command, IEnumerable<string> appArguments, IDictionary<string, string> environment)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.True(words is ["dotnet", "run", ..], $"Not a dotnet run command: {command}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("run");
        foreach (var extra in new[] { "--no-build", "-c", Configuration })
        {
            start.ArgumentList.Add(extra);
        }

        var separator = words.IndexOf("--");
        foreach (var word in words.Skip(2).Take(separator < 0 ? int.MaxValue : separator - 2))
        {
            start.ArgumentList.Add(word);
        }

        start.ArgumentList.Add("--");
        foreach (var word in (separator < 0 ? [] : words.Skip(separator + 1)).Concat(appArguments))
        {
            start.ArgumentList.Add(word);
        }

        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new AppProcess(Process.Start(start)!);
    }

    /// <summary>
    /// Starts the app's built dll from the test output folder (as a published app is started: <c>dotnet
    /// HandhavingsKoers.Web.dll</c>) in Production, with the given settings in the environment.
    /// </summary>
    public static AppProcess StartBuilt(IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "HandhavingsKoers.Web.dll"), "--contentRoot", AppContext.BaseDirectory }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new AppProcess(Process.Start(start)!);
    }

    /// <summary>The address from the "Now listening on" line; fails with the output when the app stopped instead.</summary>
    public async Task<string> ListeningAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(first == _listening.Task, $"The app did not start listening. Its output:\n{Output}");
        return await _listening.Task;
    }

    /// <summary>The first line of output that contains <paramref name="text"/>, waiting up to ten seconds for it.</summary>
    public async Task<string> LineWithAsync(string text)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (_output.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No line with '{text}' in the output:\n{Output}");
        return "";
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(line[(at + "Now listening on: ".Length)..].Trim());
        }
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HandhavingsKoers.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("HandhavingsKoers.sln not found above the test output");
    }
}
