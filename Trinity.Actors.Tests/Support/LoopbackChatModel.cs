using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Trinity.Actors.Tests;

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback that answers each request as told by
/// <see cref="Reply"/>: a model's text, an HTTP status, a raw body, or a hang.
/// </summary>
public sealed class LoopbackChatModel : IAsyncDisposable
{
    private readonly LoopbackHttp _http;

    private LoopbackChatModel(LoopbackHttp http) => _http = http;

    /// <summary>The base URL a client is configured with; requests go to <c>{Endpoint}/chat/completions</c>.</summary>
    public string Endpoint => new Uri(_http.BaseUri, "/v1").ToString();
    public int Requests => _http.Requests;
    /// <summary>The JSON body of every request, in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Bodies { get; } = new();
    /// <summary>How to answer the next request.</summary>
    public Func<HttpContext, LoopbackHttp, Task> Reply { get; set; } = Answer("""{"genres": ["comedy"], "emotionalState": "happy", "approach": "mixed", "reasoning": "Fun."}""");

    public static async Task<LoopbackChatModel> StartAsync()
    {
        LoopbackChatModel? model = null;
        var http = await LoopbackHttp.StartAsync(async (context, server) =>
        {
            if (context.Request.Method != "POST" || !context.Request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }
            model!.Bodies.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body));
            await model.Reply(context, server);
        });
        return model = new LoopbackChatModel(http);
    }

    /// <summary>A chat.completion whose assistant message is <paramref name="content"/>.</summary>
    public static Func<HttpContext, LoopbackHttp, Task> Answer(string content) => (context, _) =>
        context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-loopback",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "BSC-LT/salamandra-7b-instruct",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 30, total_tokens = 130 },
        });

    public static Func<HttpContext, LoopbackHttp, Task> Status(int status) => (context, _) =>
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message = "the model is down", type = "server_error" } });
    };

    public static Func<HttpContext, LoopbackHttp, Task> RawBody(string body) => (context, _) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    };

    public static readonly Func<HttpContext, LoopbackHttp, Task> Hang = (context, server) => server.HangAsync(context);

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
