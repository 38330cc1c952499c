using Trinity.LoadTest;

// Trinity.LoadTest run ... | compare DIR (see LoadOptions.Usage).
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(LoadOptions.Usage);
    return args.Length == 0 ? 2 : 0;
}
if (args[0] == "compare")
{
    await CompareReport.WriteAsync(args.Length > 1 ? args[1] : ".");
    return 0;
}
var options = LoadOptions.Parse(args[0] == "run" ? args[1..] : args);
var report = await LoadRun.ExecuteAsync(options);
await report.WriteAsync(options.Out);
Console.WriteLine(report.Markdown());
return 0;
