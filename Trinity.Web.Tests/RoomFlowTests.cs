using System.Net.Http.Json;
using Microsoft.Playwright;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>Whole rooms played in the browser by people in separate browser contexts, on a real node.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoomFlowTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_users_chat_and_reach_a_unanimous_match_that_both_see_live()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana");
        await using var ben = await SignedIn(server, "Ben");

        var code = await ana.CreateRoomAsync("Date night", queueSize: 5);
        await ben.JoinAsync(code);
        await Expect(ana.TestId("member")).ToHaveCountAsync(2); // Ana sees Ben arrive without reloading

        await ana.TestId("chat-input").FillAsync("Popcorn is ready");
        await ana.TestId("chat-send").ClickAsync();
        await Expect(ben.TestId("chat-line").Filter(new() { HasText = "Popcorn is ready" })).ToBeVisibleAsync();

        await ana.VoteAsync("like", 5);
        await Expect(ben.Member("Ana").GetByTestId("member-progress")).ToHaveTextAsync("5/5");
        await ben.VoteAsync("like", 5);

        foreach (var user in new[] { ana, ben })
        {
            await Expect(user.TestId("match")).ToHaveCountAsync(5);
            // Everyone voted every title: the room shows its end state, whose pick takes the match banner's place.
            await Expect(user.TestId("final-pick")).ToBeVisibleAsync();
            await Expect(user.TestId("match-banner")).ToBeHiddenAsync();
            await Expect(user.Page.Locator("#room-end")).ToContainTextAsync("This room has finished");
            await Expect(user.TestId("like")).ToBeDisabledAsync();
        }
        Assert.Equal(await ana.MatchIdsAsync(), await ben.MatchIdsAsync());
    }

    [SkippableFact]
    public async Task Three_users_match_only_what_all_of_them_like_voting_with_the_arrow_keys_too()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana");
        await using var ben = await SignedIn(server, "Ben");
        await using var cid = await SignedIn(server, "Cid");

        var code = await ana.CreateRoomAsync("Trio", queueSize: 5);
        await ben.JoinAsync(code);
        await cid.JoinAsync(code);
        await ana.VoteAsync("like", 5);
        await ben.VoteAsync("like", 5);
        var vetoed = await cid.TestId("card").GetAttributeAsync("data-media-id");
        await cid.VoteAsync("dislike", 1, useArrowKeys: true);
        await cid.VoteAsync("like", 4, useArrowKeys: true);

        foreach (var user in new[] { ana, ben, cid })
        {
            await Expect(user.TestId("match")).ToHaveCountAsync(4);
            await Expect(user.TestId("final-pick")).ToBeVisibleAsync();
            await Expect(user.Page.Locator($"[data-testid=match][data-media-id='{vetoed}']")).ToHaveCountAsync(0);
        }
        var expected = await ana.MatchIdsAsync();
        Assert.Equal(expected, await ben.MatchIdsAsync());
        Assert.Equal(expected, await cid.MatchIdsAsync());
    }

    [SkippableFact]
    public async Task A_majority_room_matches_what_two_of_three_like()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana");
        await using var ben = await SignedIn(server, "Ben");
        await using var cid = await SignedIn(server, "Cid");

        var code = await ana.CreateRoomAsync("Majority rules", consensus: "majority", queueSize: 5);
        await ben.JoinAsync(code);
        await cid.JoinAsync(code);
        await cid.VoteAsync("dislike", 5);
        await ana.VoteAsync("like", 5);
        await ben.VoteAsync("like", 5);

        foreach (var user in new[] { ana, ben, cid })
        {
            await Expect(user.TestId("match")).ToHaveCountAsync(5);
            await Expect(user.TestId("match").First).ToContainTextAsync("majority");
        }
    }

    [SkippableFact]
    public async Task An_invite_link_signs_in_and_joins_in_one_go()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana");
        var code = await ana.CreateRoomAsync("Link party");
        var link = new Uri(await ana.TestId("invite-link").GetAttributeAsync("href") ?? throw new InvalidOperationException("no invite link"));
        Assert.Equal($"/join/{code}", link.AbsolutePath);

        await using var ben = await WebUser.OpenAsync(browser, server.BaseUri, "Ben", output, link.PathAndQuery);
        await Expect(ben.Page.Locator("#invite-note")).ToContainTextAsync(code);
        await ben.SignInAsync();

        await Expect(ben.TestId("invite-code")).ToHaveTextAsync(code);
        await Expect(ben.TestId("card")).ToBeVisibleAsync();
        await Expect(ana.Member("Ben")).ToBeVisibleAsync();
        await Expect(ben.Page).ToHaveURLAsync(new Uri(server.BaseUri, "/").ToString()); // a reload won't join again by code
    }

    [SkippableFact]
    public async Task Private_messages_recommendations_and_system_messages_reach_the_page()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana");
        await using var ben = await SignedIn(server, "Ben");
        await using var cid = await SignedIn(server, "Cid");
        var code = await ana.CreateRoomAsync("Whispers", queueSize: 5);
        await ben.JoinAsync(code);
        await cid.JoinAsync(code);

        await ana.Page.GetByLabel("Send to").SelectOptionAsync(new SelectOptionValue { Label = "Only Ben" });
        await ana.TestId("chat-input").FillAsync("just between us");
        await ana.TestId("chat-send").ClickAsync();
        await Expect(ben.TestId("chat-line").Filter(new() { HasText = "just between us" })).ToContainTextAsync("Ana → you");
        await Expect(ana.TestId("chat-line").Filter(new() { HasText = "just between us" })).ToContainTextAsync("you → Ben");

        // The recommender adds titles to everyone's list; the pages pick up the longer list by resyncing.
        await ben.Page.GetByLabel("Describe your mood").FillAsync("something scary for a stormy night");
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Suggest" }).ClickAsync();
        foreach (var user in new[] { ana, ben, cid })
        {
            await Expect(user.Page.Locator("#recommendations")).ToContainTextAsync("Ben asked");
            await Expect(user.TestId("recommendation-count")).ToContainTextAsync("5 suggestions added");
            await Expect(user.Page.Locator("#room-meta")).Not.ToContainTextAsync("· 5 titles");
        }
        Assert.Equal("", await cid.Page.Locator("#errors").InnerTextAsync());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/system-message")
        {
            Content = JsonContent.Create(new { type = "maintenance", message = "Back in five minutes" }),
        };
        request.Headers.Add("X-Admin-Key", TrinityServer.AdminKey);
        (await server.Http.SendAsync(request)).EnsureSuccessStatusCode();
        foreach (var user in new[] { ana, ben, cid })
            await Expect(user.Page.Locator("#banners")).ToContainTextAsync("Back in five minutes");
    }

    [SkippableFact]
    public async Task The_room_fits_a_360_pixel_phone_with_a_screenshot_to_look_at()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        var phone = new ViewportSize { Width = 360, Height = 740 };
        await using var ana = await WebUser.OpenAsync(browser, server.BaseUri, "Ana", output, viewport: phone);
        await ana.SignInAsync();
        await using var ben = await SignedIn(server, "Ben");
        var code = await ana.CreateRoomAsync("Phone night");
        await ben.JoinAsync(code);
        await ana.VoteAsync("like", 1);
        await ben.VoteAsync("like", 3);
        await Expect(ana.Member("Ben").GetByTestId("member-progress")).ToHaveTextAsync("3/5");
        await Expect(ana.TestId("card-title")).ToBeVisibleAsync();

        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(dir);
        var screen = Path.Combine(dir, "phone-360x740.png");
        var full = Path.Combine(dir, "phone-360x740-full.png");
        await ana.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await ana.Page.ScreenshotAsync(new() { Path = screen, Animations = ScreenshotAnimations.Disabled });
        await ana.Page.ScreenshotAsync(new() { Path = full, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        var desktop = Path.Combine(dir, "desktop-1280x900.png");
        await ben.Page.ScreenshotAsync(new() { Path = desktop, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"desktop screenshot (for comparison): {desktop}");
        output.WriteLine($"phone screenshot: {screen}");
        output.WriteLine($"phone screenshot, whole page: {full}");
        Console.WriteLine($"phone screenshot: {screen}");

        var scrollWidth = await ana.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var tooWide = await ana.Page.EvaluateAsync<string>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5).join(', ')", phone.Width);
        Assert.True(scrollWidth <= phone.Width, $"the page is {scrollWidth}px wide on a {phone.Width}px screen: {tooWide}");
    }

    [SkippableFact]
    public async Task Wrong_invite_codes_get_a_sentence_and_then_a_lockout_that_says_how_long()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync(null, "--Trinity:RateLimits:InviteCodes:FreeFailures=0");
        await using var ana = await SignedIn(server, "Ana");

        await ana.TestId("join-code").FillAsync("ZZZZZ1");
        await ana.TestId("join-room").ClickAsync();
        await Expect(ana.Page.Locator("#errors")).ToHaveTextAsync("No room has that code.");
        await ana.TestId("join-room").ClickAsync();
        await Expect(ana.Page.Locator("#errors")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^Too many wrong codes from your network; try again in (30|29|28) seconds\.$"));
    }

    private Task<WebUser> SignedIn(TrinityServer server, string name) => WebUser.SignedInAsync(browser, server.BaseUri, name, output);
}
