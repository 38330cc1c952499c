using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trinity.Host.Api;

namespace Trinity.Host.Cli;

/// <summary>A refusal or failure the CLI reports on stderr with its own exit code.</summary>
public sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public const int Refused = 1, BadCommandLine = 2, Unreachable = 3, Unauthorized = 4;
    public int ExitCode { get; } = exitCode;
}

/// <summary>The admin API of one node, as the CLI uses it: JSON in, JSON out, clear failures.</summary>
/// <param name="key">the admin key; without one the first call is a command-line error</param>
public sealed class AdminApiClient(HttpClient http, string? key)
{
    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<JsonElement> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
    {
        if (key is null) throw new CliFailure(CliFailure.BadCommandLine, "no admin key: pass --key or set TRINITY_ADMIN_KEY");
        using var request = new HttpRequestMessage(method, "/api/admin" + path);
        request.Headers.Add(AdminEndpoints.KeyHeader, key);
        if (body is not null) request.Content = JsonContent.Create(body);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new CliFailure(CliFailure.Unreachable, $"cannot reach the node at {http.BaseAddress}: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            JsonElement? json = null;
            try { json = JsonDocument.Parse(text).RootElement.Clone(); }
            catch (JsonException) { }
            if (response.IsSuccessStatusCode) return json ?? default;
            var detail = json is { ValueKind: JsonValueKind.Object } error && error.TryGetProperty("message", out var message)
                ? $"{error.GetProperty("code").GetString()}: {message.GetString()}"
                : $"{(int)response.StatusCode} {response.ReasonPhrase}";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new CliFailure(CliFailure.Unauthorized, $"the node refused the admin key ({detail}); pass --key or set TRINITY_ADMIN_KEY"),
                HttpStatusCode.NotFound when json is null =>
                    new CliFailure(CliFailure.Refused, $"{http.BaseAddress} has no admin API at {path}: is it a Trinity node?"),
                >= HttpStatusCode.InternalServerError => new CliFailure(CliFailure.Unreachable, $"the node is unavailable: {detail}"),
                _ => new CliFailure(CliFailure.Refused, detail),
            };
        }
    }
}
