using BenchmarkDotNet.Running;

// dotnet run -c Release --project Trinity.Benchmarks -- --filter '*'   (or pick one: --filter '*Consensus*')
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
