using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trinity.Actors.Protocol;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>The dashboard as an operator uses it on a phone and a desktop: room names, live charts, confirmations.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdminDashboardLiveTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("phone", 360, 740)]
    [InlineData("desktop", 1280, 800)]
    public async Task Charts_follow_the_votes_rooms_show_their_names_and_Leave_asks_first(string device, int width, int height)
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        // A member on the hub: the votes are pushed to a connection, so fan-out latency is measured too.
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
        var snapshot = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Friday films with a long name", queueSize = 5 });
        var roomId = snapshot.RoomId;

        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => output.WriteLine($"[page error] {error}");
        await page.GotoAsync(new Uri(server.BaseUri, "admin").ToString());
        await page.Locator("#key").FillAsync(TrinityServer.AdminKey);
        await page.Locator("#key-form button").ClickAsync();

        var room = page.GetByTestId("rooms").Locator("tbody tr").Filter(new() { HasText = roomId });
        await Expect(room).ToContainTextAsync("Friday films with a long name");
        foreach (var chart in new[] { "chart-votes", "chart-connections", "chart-latency" })
        {
            await Expect(page.GetByTestId(chart).Locator("canvas")).ToBeVisibleAsync();
            await Expect(page.GetByTestId(chart)).ToHaveAttributeAsync("data-points", PositiveNumber());
        }
        await Expect(page.GetByTestId("chart-votes")).ToHaveAttributeAsync("data-max", "0");

        // Not every title: a room whose only member voted on all of them finishes and leaves the list.
        foreach (var title in snapshot.Queue.Take(3))
            await ana.Invoke<VoteResult>("Vote", new { roomId, mediaId = title.MediaId, voteType = "like" });
        // The next sample counts the votes: the chart's peak rises and the tile shows a rate.
        await Expect(page.GetByTestId("chart-votes")).ToHaveAttributeAsync("data-max", PositiveNumber());
        await Expect(page.GetByTestId("chart-connections")).ToHaveAttributeAsync("data-max", "1");
        await Expect(page.GetByTestId("chart-latency")).ToHaveAttributeAsync("data-max", PositiveNumber());
        var points = int.Parse(await page.GetByTestId("chart-votes").GetAttributeAsync("data-points") ?? "0");
        await Expect(page.GetByTestId("chart-votes")).Not.ToHaveAttributeAsync("data-points", points.ToString());

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"no horizontal scroll at {width} px");
        await Screenshot(page, $"admin-dashboard-{device}-{width}x{height}.png");

        // Leave asks first; "Cancel" sends nothing, "Leave" sends it.
        var leave = page.GetByTestId("members").GetByRole(AriaRole.Button, new() { Name = "Leave" });
        var sent = new List<string>();
        page.Request += (_, request) => { if (request.Url.EndsWith("/api/admin/cluster/leave")) sent.Add(request.PostData ?? ""); };
        await leave.ClickAsync();
        await Expect(page.GetByTestId("confirm-no")).ToBeVisibleAsync();
        await Expect(page.Locator("#confirm")).ToContainTextAsync("Leave akka.tcp://");
        if (device == "phone") await Screenshot(page, $"admin-confirm-{device}-{width}x{height}.png", fullPage: false);
        await page.GetByTestId("confirm-no").ClickAsync();
        await Expect(page.GetByTestId("confirm-no")).Not.ToBeVisibleAsync();
        Assert.Empty(sent);

        await leave.ClickAsync();
        var response = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/admin/cluster/leave"));
        await page.GetByTestId("confirm-yes").ClickAsync();
        Assert.Equal(202, (await response).Status);
        Assert.Contains("\"address\":\"akka.tcp://", Assert.Single(sent));
    }

    private async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"screenshot: {path}");
    }

    [GeneratedRegex(@"^(?!0$)\d+(\.\d+)?$")]
    private static partial Regex PositiveNumber();
}
