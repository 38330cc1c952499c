using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Trinity.Host.Tests;
using Xunit.Abstractions;

namespace Trinity.Web.Tests;

/// <summary>
/// <c>GET {base}/api/invites/{code}/qr.svg</c> on the built server run as an operator runs it (own process, unrelated
/// working directory, Production, environment variables only), under a base path and behind a trusted proxy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InviteQrTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_QR_code_decodes_to_the_invite_link_with_the_base_path_and_the_forwarded_scheme()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        var environment = HostProcess.EnvironmentOf(TrinityServer.Arguments(TrinityServer.NewDataDir()));
        environment["Trinity__BasePath"] = "/trinity";
        environment["Trinity__ForwardedHeaders__KnownProxies"] = "127.0.0.1";
        await using var node = await HostProcess.StartAsync(environment, output);
        var origin = node.BaseUri.GetLeftPart(UriPartial.Authority);

        await using (var direct = await browser.Browser.NewContextAsync(new() { BaseURL = node.BaseUri.ToString() }))
        {
            var page = await direct.NewPageAsync();
            await page.GotoAsync("healthz/live");
            // Lower case is how people type codes; the link carries the code as issued.
            Assert.Equal($"{origin}/trinity/join/ABC123", await QrDecoder.DecodeAsync(page, new Uri(node.BaseUri, "api/invites/abc123/qr.svg").ToString()));
        }
        await using (var proxied = await browser.Browser.NewContextAsync(new()
                     {
                         BaseURL = node.BaseUri.ToString(),
                         ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
                     }))
        {
            var page = await proxied.NewPageAsync();
            await page.GotoAsync("healthz/live");
            Assert.Equal($"https://{node.BaseUri.Authority}/trinity/join/ZZ9XY1", await QrDecoder.DecodeAsync(page, new Uri(node.BaseUri, "api/invites/ZZ9XY1/qr.svg").ToString()));
        }

        var image = await node.Http.GetAsync("api/invites/ABC123/qr.svg");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=", image.Headers.CacheControl?.ToString());
        Assert.Contains("Host", image.Headers.Vary);

        // Existing or not, a well-formed code gets the same answer: the endpoint never looks it up.
        var guest = await node.GuestAsync("Ana");
        var create = new HttpRequestMessage(HttpMethod.Post, "api/rooms") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "QR night", queueSize = 5 }) };
        create.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", guest.Token);
        var created = await node.Http.SendAsync(create);
        created.EnsureSuccessStatusCode();
        var realCode = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("inviteCode").GetString()!;
        var real = await node.Http.GetAsync($"api/invites/{realCode}/qr.svg");
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal("image/svg+xml", real.Content.Headers.ContentType?.MediaType);

        foreach (var bad in new[] { "ABC12", "ABC1234", "ABC-12", "%C3%89ABC12" })
        {
            var refused = await node.Http.GetAsync($"api/invites/{bad}/qr.svg");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
            Assert.StartsWith("code ", body.GetProperty("message").GetString());
        }

        Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(30)));
    }
}
