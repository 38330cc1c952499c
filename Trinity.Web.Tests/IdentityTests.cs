using System.Text.Json;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>The guest identity the page keeps in localStorage: reused, refreshed before it expires, dropped when refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IdentityTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_stored_token_near_expiry_is_refreshed_for_the_same_user()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        var guest = await server.GuestAsync("Ana");
        // Stored as if it ran out in 30 seconds: inside the refresh margin.
        var nearlyExpired = guest with { ExpiresAt = DateTime.UtcNow.AddSeconds(30) };
        await using var ana = await WebUser.OpenAsync(browser, server.BaseUri, "Ana", output, initScript: StoreIdentity(nearlyExpired));

        await Expect(ana.ConnectionState).ToHaveTextAsync("connected");
        await Expect(ana.Page.Locator("#who")).ToHaveTextAsync("Ana");
        var stored = await StoredIdentityAsync(ana);
        Assert.Equal(guest.UserId, stored.GetProperty("userId").GetString());
        Assert.True(stored.GetProperty("expiresAt").GetDateTime() > DateTime.UtcNow.AddDays(1), $"not refreshed: {stored}");
    }

    [SkippableFact]
    public async Task A_refused_token_brings_back_the_sign_in()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        var forged = (await server.GuestAsync("Mallory")) with { Token = "not.a-valid.token" };
        await using var page = await WebUser.OpenAsync(browser, server.BaseUri, "Mallory", output, initScript: StoreIdentity(forged, onlyOnce: true));

        await Expect(page.TestId("sign-in")).ToBeVisibleAsync();
        await Expect(page.ConnectionState).ToHaveTextAsync("disconnected");
        await page.SignInAsync(); // and a fresh identity works
    }

    /// <summary>Puts an identity into localStorage before the page's scripts run (once: not again after the page reloads).</summary>
    private static string StoreIdentity(object identity, bool onlyOnce = false)
    {
        var json = JsonSerializer.Serialize(JsonSerializer.Serialize(identity, JsonSerializerOptions.Web));
        var store = $"localStorage.setItem('trinity.identity', {json});";
        return onlyOnce ? $"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1'); {store} }}" : store;
    }

    private static async Task<JsonElement> StoredIdentityAsync(WebUser user) =>
        JsonDocument.Parse(await user.Page.EvaluateAsync<string>("localStorage.getItem('trinity.identity')")).RootElement;
}
