using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trinity.Actors.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port, answering every request with <c>handler</c>: stands in
/// for services that cannot run here (a chat model, TMDB). A handler that hangs is released when the
/// client gives up or the server is disposed, never by a sleep.
/// </summary>
public sealed class LoopbackHttp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _disposing = new();
    private int _requests;

    private LoopbackHttp(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }
    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);
    /// <summary>Cancelled when the server is disposed: what a hanging handler waits on.</summary>
    public CancellationToken Disposing => _disposing.Token;

    public static async Task<LoopbackHttp> StartAsync(Func<HttpContext, LoopbackHttp, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackHttp? server = null;
        app.Run(async context =>
        {
            Interlocked.Increment(ref server!._requests);
            await handler(context, server);
        });
        await app.StartAsync();
        server = new LoopbackHttp(app, new Uri(app.Urls.First()));
        return server;
    }

    /// <summary>Waits until the client gives up on this request or the server stops.</summary>
    public async Task HangAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Disposing);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The client timed out, as the test wanted.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _disposing.Dispose();
    }
}
