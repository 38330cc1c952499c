using Trinity.Host;

await TrinityApp.Build(args).RunAsync();
