using Microsoft.Playwright;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>A group reaches its one pick in the browser, on a phone and on desktops, with undo and kept chat.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FinishFlowTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = WebUser.Phone;

    [SkippableFact]
    public async Task Undo_then_the_creator_decides_and_everyone_sees_the_same_pick_also_after_a_reload()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana", Phone);
        await using var ben = await SignedIn(server, "Ben");
        await using var cid = await SignedIn(server, "Cid");
        var code = await ana.CreateRoomAsync("Pick night", queueSize: 5);
        await ben.JoinAsync(code);
        await cid.JoinAsync(code);
        await Expect(ben.TestId("decide-now")).ToBeHiddenAsync(); // the creator's button only
        await ana.TestId("chat-input").FillAsync("Popcorn is ready");
        await ana.TestId("chat-send").ClickAsync();

        // A mis-tap, taken back: the same title is the card again and can be liked.
        var first = await ben.TestId("card").GetAttributeAsync("data-media-id");
        await ben.VoteAsync("dislike", 1);
        await Expect(ben.TestId("my-progress")).ToHaveAttributeAsync("data-voted", "1");
        await ben.TestId("undo").ClickAsync();
        await Expect(ben.TestId("my-progress")).ToHaveAttributeAsync("data-voted", "0");
        await Expect(ben.TestId("card")).ToHaveAttributeAsync("data-media-id", first!);
        await Expect(ana.Member("Ben").GetByTestId("member-progress")).ToHaveTextAsync("0/5");
        await ben.VoteAsync("like", 1);
        await Expect(ben.TestId("my-progress")).ToHaveAttributeAsync("data-voted", "1");
        await cid.VoteAsync("dislike", 2);

        await ana.TestId("decide-now").ClickAsync();

        foreach (var user in new[] { ana, ben, cid })
        {
            await Expect(user.TestId("final-pick")).ToHaveAttributeAsync("data-media-id", first!);
            await Expect(user.TestId("finish-reason")).ToHaveTextAsync("The creator decided.");
            await Expect(user.TestId("like")).ToBeDisabledAsync();
            await Expect(user.TestId("undo")).ToBeHiddenAsync();
            await Expect(user.Page.GetByText("Waiting for the others")).ToHaveCountAsync(0);
        }
        await Expect(ana.TestId("final-pick")).ToBeInViewportAsync(); // on the phone, where Ana is looking
        await Screenshots(ana, ben, "decided");

        // A reload shows the same ending, its reason and the chat, from the snapshot alone.
        await ben.Page.ReloadAsync();
        await Expect(ben.TestId("final-pick")).ToHaveAttributeAsync("data-media-id", first!);
        await Expect(ben.TestId("finish-reason")).ToHaveTextAsync("The creator decided.");
        await Expect(ben.TestId("chat-line").Filter(new() { HasText = "Popcorn is ready" })).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Everyone_voting_everything_ends_on_the_closest_call_without_waiting_for_anyone()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana");
        await using var ben = await SignedIn(server, "Ben", Phone);
        await using var cid = await SignedIn(server, "Cid");
        var code = await ana.CreateRoomAsync("Closest call", queueSize: 5);
        await ben.JoinAsync(code);
        await cid.JoinAsync(code);

        await ana.VoteAsync("like", 5);
        await ben.VoteAsync("like", 5);
        await Expect(ben.Page.GetByText("Waiting for the others")).ToBeVisibleAsync();
        await cid.VoteAsync("dislike", 5);

        var pick = await ana.TestId("final-pick").GetAttributeAsync("data-media-id");
        foreach (var user in new[] { ana, ben, cid })
        {
            await Expect(user.TestId("final-pick")).ToHaveAttributeAsync("data-media-id", pick!);
            await Expect(user.TestId("finish-reason")).ToHaveTextAsync("Everyone has voted on every title.");
            await Expect(user.Page.GetByText("Waiting for the others")).ToHaveCountAsync(0);
            await Expect(user.TestId("match")).ToHaveCountAsync(0);
        }
        await Expect(ben.TestId("final-pick")).ToBeInViewportAsync();
        await Screenshots(ben, ana, "exhausted");
    }

    [SkippableFact]
    public async Task A_room_that_ends_on_its_first_match_shows_the_pick_to_all_three_with_swipes_on_the_phone()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var ana = await SignedIn(server, "Ana", Phone);
        await using var ben = await SignedIn(server, "Ben", WebUser.Desktop);
        await using var cid = await SignedIn(server, "Cid", WebUser.Desktop);
        var code = await ana.CreateRoomAsync("First match wins", queueSize: 5, endOnFirstMatch: true);
        await ben.JoinAsync(code);
        await cid.JoinAsync(code);
        await Expect(ana.Page.GetByText("Keyboard: ← nope, → like")).ToBeHiddenAsync(); // a phone has no arrow keys
        await Expect(ana.Page.GetByText("Swipe the card")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByText("Keyboard: ← nope, → like")).ToBeVisibleAsync();

        // A short drag is not a vote: the card springs back.
        var noped = await ana.TestId("card").GetAttributeAsync("data-media-id");
        await ana.DragCardAsync(0.1);
        Assert.Equal("", await ana.TestId("card").EvaluateAsync<string>("card => card.style.transform"));
        await Expect(ana.TestId("my-progress")).ToHaveAttributeAsync("data-voted", "0");
        await Expect(ana.TestId("card")).ToHaveAttributeAsync("data-media-id", noped!);
        // Left is nope, right is like.
        await ana.SwipeAsync("dislike");
        for (var i = 0; i < 4; i++) await ana.SwipeAsync("like");
        await ben.VoteAsync("like", 5);
        await Expect(cid.Member("Ana").GetByTestId("member-progress")).ToHaveTextAsync("5/5");
        await Expect(cid.Member("Ben").GetByTestId("member-progress")).ToHaveTextAsync("5/5");
        // Cid likes what Ana swiped away, then the next: that one is liked by all three.
        string? pick = null;
        while (pick is null)
        {
            var card = await cid.TestId("card").GetAttributeAsync("data-media-id");
            await cid.VoteAsync("like", 1);
            if (card != noped) pick = card;
        }

        foreach (var user in new[] { ana, ben, cid })
        {
            await Expect(user.TestId("final-pick")).ToHaveAttributeAsync("data-media-id", pick);
            await Expect(user.TestId("finish-reason")).ToHaveTextAsync("The room ended on its first match.");
            await Expect(user.TestId("like")).ToBeHiddenAsync(); // a finished room has nothing to vote on
            await Expect(user.TestId("dislike")).ToBeHiddenAsync();
            await Expect(user.Page.GetByText("Waiting for the others")).ToHaveCountAsync(0);
        }
        await Expect(ana.Page.Locator($"[data-testid=match][data-media-id='{noped}']")).ToHaveCountAsync(0);
        await Expect(ana.TestId("final-pick")).ToBeInViewportAsync();
        await Screenshots(ana, ben, "first-match");
    }

    private async Task Screenshots(WebUser phone, WebUser desktop, string state)
    {
        await phone.ScreenshotAsync($"finish-{state}", output);
        await desktop.ScreenshotAsync($"finish-{state}", output);
    }

    private Task<WebUser> SignedIn(TrinityServer server, string name, ViewportSize? viewport = null) =>
        WebUser.SignedInAsync(browser, server.BaseUri, name, output, viewport);
}
