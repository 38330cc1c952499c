using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>The node goes away mid-room and comes back on the same address: every page finds its way back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RestartTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task After_a_server_restart_every_page_reconnects_and_shows_the_same_room()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        var dataDir = TrinityServer.NewDataDir();
        // The same port both times, so the pages' only node URL (their origin) is valid again.
        var urls = $"--urls=http://127.0.0.1:{FreePorts.Next()}";
        var server = await WebServer.StartAsync(dataDir, urls);
        await using var ana = await WebUser.OpenAsync(browser, server.BaseUri, "Ana", output);
        await using var ben = await WebUser.OpenAsync(browser, server.BaseUri, "Ben", output);
        await using var cid = await WebUser.OpenAsync(browser, server.BaseUri, "Cid", output);
        WebUser[] everyone = [ana, ben, cid];
        try
        {
            foreach (var user in everyone) await user.SignInAsync();
            // Majority, so that the four titles Ana and Ben both like are matches before the restart.
            var code = await ana.CreateRoomAsync("Survives restarts", consensus: "majority", queueSize: 6);
            await ben.JoinAsync(code);
            await cid.JoinAsync(code);
            await ana.VoteAsync("like", 6);
            await ben.VoteAsync("like", 4);
            await cid.VoteAsync("dislike", 2);
            foreach (var user in everyone)
            {
                // Let every page catch up before reading what it shows.
                foreach (var (name, progress) in new[] { ("Ana", "6/6"), ("Ben", "4/6"), ("Cid", "2/6") })
                    await Expect(user.Member(name).GetByTestId("member-progress")).ToHaveTextAsync(progress);
                await Expect(user.TestId("match")).ToHaveCountAsync(4);
            }
            var before = await ReadAll(everyone, RoomOnScreenAsync);

            await server.DisposeAsync();
            foreach (var user in everyone) await Expect(user.ConnectionState).ToHaveTextAsync("reconnecting");
            server = await WebServer.StartAsync(dataDir, urls);

            foreach (var user in everyone)
            {
                await Expect(user.ConnectionState).ToHaveTextAsync("connected", new() { Timeout = 45_000 });
                // Everyone is back online, as seen by everyone (presence comes from the rejoins).
                await Expect(user.Page.Locator("[data-testid=member][data-online=true]")).ToHaveCountAsync(3, new() { Timeout = 45_000 });
            }
            var after = await ReadAll(everyone, RoomOnScreenAsync);
            Assert.Equal(before, after);

            // And the room still works: a new vote shows up on the others' pages.
            await cid.VoteAsync("like", 1);
            await Expect(ana.Member("Cid").GetByTestId("member-progress")).ToHaveTextAsync("3/6");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>What a person sees of the room: members with their progress and presence, the matches, their own card.</summary>
    private static async Task<string> RoomOnScreenAsync(WebUser user)
    {
        var members = await user.TestId("member").EvaluateAllAsync<string[]>(
            "nodes => nodes.map(n => `${n.dataset.userId} ${n.dataset.online} ${n.querySelector('[data-testid=member-progress]').textContent}`).sort()");
        var matches = await user.MatchIdsAsync();
        var card = await user.TestId("card").EvaluateAllAsync<string>("nodes => nodes.map(n => n.dataset.mediaId).join() || 'none'");
        return $"{user.Name}: members [{string.Join(", ", members)}] matches [{string.Join(", ", matches)}] card {card}";
    }

    private static async Task<string[]> ReadAll(IEnumerable<WebUser> users, Func<WebUser, Task<string>> read)
    {
        var seen = new List<string>();
        foreach (var user in users) seen.Add(await read(user));
        return [.. seen];
    }
}
