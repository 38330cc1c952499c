using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>The unchanged web client and dashboard on a node under a base path, as behind a proxy at https://host/trinity/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BasePathTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string BasePath = "/trinity";

    [SkippableFact]
    public async Task A_room_is_played_by_invite_link_under_the_base_path_and_the_dashboard_works_there()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync(null, $"--Trinity:BasePath={BasePath}");
        var home = server.BaseUri;
        Assert.Equal(BasePath + "/", home.AbsolutePath);
        await using var ana = await WebUser.OpenAsync(browser, home, "Ana", output, home.ToString());
        await ana.SignInAsync();
        var code = await ana.CreateRoomAsync("Sub-path night", queueSize: 5);
        var link = new Uri(await ana.TestId("invite-link").GetAttributeAsync("href") ?? throw new InvalidOperationException("no invite link"));
        Assert.Equal($"{BasePath}/join/{code}", link.AbsolutePath);

        await using var ben = await WebUser.OpenAsync(browser, home, "Ben", output, link.ToString());
        await Expect(ben.Page.Locator("#invite-note")).ToContainTextAsync(code);
        await ben.SignInAsync();
        await Expect(ben.TestId("invite-code")).ToHaveTextAsync(code);
        await Expect(ben.Page).ToHaveURLAsync(home.ToString()); // back at the base, not at the root
        await Expect(ana.Member("Ben")).ToBeVisibleAsync();

        await ana.VoteAsync("like", 5);
        await ben.VoteAsync("like", 5);
        foreach (var user in new[] { ana, ben })
            await Expect(user.TestId("match")).ToHaveCountAsync(5);

        var dashboard = await ana.Page.Context.NewPageAsync();
        await dashboard.GotoAsync(new Uri(home, "admin").ToString());
        await dashboard.Locator("#key").FillAsync(TrinityServer.AdminKey);
        await dashboard.Locator("#key-form button").ClickAsync();
        await Expect(dashboard.GetByTestId("members")).ToContainTextAsync("Up");
        await Expect(dashboard.GetByTestId("votes-per-second")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d$"));
    }
}
