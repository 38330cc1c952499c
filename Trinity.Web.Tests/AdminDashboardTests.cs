using Microsoft.Playwright;
using Trinity.Host.Tests;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>The operations dashboard at /admin: asks for the key, then shows members, nodes and rooms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminDashboardTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task With_the_key_it_shows_this_node_as_an_Up_member_with_its_rooms_and_without_it_says_so()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        var roomId = await server.CreateRoomAsync("Watched");
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUri, "/admin").ToString());

        await page.Locator("#key").FillAsync("wrong");
        await page.Locator("#key-form button").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("wrong admin key");
        await Expect(page.GetByTestId("key-form")).ToBeVisibleAsync();

        await page.Locator("#key").FillAsync(TrinityServer.AdminKey);
        await page.Locator("#key-form button").ClickAsync();
        await Expect(page.GetByTestId("members").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("members")).ToContainTextAsync("Up");
        await Expect(page.GetByTestId("nodes").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("rooms")).ToContainTextAsync(roomId);
        // The second poll has a previous count to compare with.
        await Expect(page.GetByTestId("votes-per-second")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d$"));
    }
}
