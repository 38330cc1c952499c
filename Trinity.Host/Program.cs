using Trinity.Host;
using Trinity.Host.Cli;

// `dotnet Trinity.Host.dll cluster show` and the other operator commands talk to a running node; anything else runs one.
if (TrinityCli.IsCommand(args)) return await TrinityCli.RunAsync(args, Console.Out, Console.Error);
await TrinityApp.Build(args).RunAsync();
return 0;
