using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(HandhavingsKoers.Benchmarks.ReportRendering).Assembly).Run(args);
