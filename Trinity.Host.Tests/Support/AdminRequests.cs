using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trinity.Host.Tests;

/// <summary>Calls of the admin API with the test admin key.</summary>
public static class AdminRequests
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> AdminAsync(this HttpClient node, HttpMethod method,
        string path, object? body = null, string key = TrinityServer.AdminKey)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Admin-Key", key);
        if (body is not null) request.Content = JsonContent.Create(body);
        var response = await node.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Live entities of one shard region on every node, as the cluster view counts them.</summary>
    public static async Task<int> EntitiesAsync(this HttpClient node, string region)
    {
        var (_, cluster) = await node.AdminAsync(HttpMethod.Get, "/api/admin/cluster");
        return cluster.GetProperty("nodes").EnumerateArray()
            .SelectMany(n => n.GetProperty("regions").EnumerateArray())
            .Where(r => r.GetProperty("region").GetString() == region)
            .Sum(r => r.GetProperty("entities").GetInt32());
    }

    /// <summary>A room made over REST by a new guest; its id.</summary>
    public static async Task<string> CreateRoomAsync(this TrinityServer node, string name)
    {
        var guest = await node.GuestAsync("Owner");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(new { name, queueSize = 10 }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", guest.Token);
        var response = await node.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("roomId").GetString()!;
    }
}
