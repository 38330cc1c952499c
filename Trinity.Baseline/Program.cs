using Trinity.Baseline;

// A minimal SignalR server with Trinity's JoinRoom/CreateRoom/Vote/voteUpdate shapes, for the load test to
// measure Trinity against: what plain SignalR groups cost on this machine, with no actors and no journal.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
builder.Services.AddSingleton<BaselineRooms>();
builder.Services.AddSignalR().AddJsonProtocol();
var app = builder.Build();
app.MapHub<BaselineHub>("/realtime");
app.MapGet("/healthz/ready", () => "ready");
app.Run();
