using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>
/// The link drops and the node goes down under a vote, on the built server run as an operator runs it (its own process
/// from an unrelated directory, Production, environment variables only, stopped with SIGTERM): the page says it is
/// offline, does not offer votes it cannot send, and the cut-off vote counts exactly once when the link is back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_vote_cut_off_by_a_dropped_link_or_a_stopped_node_counts_once_and_the_pick_and_chat_survive_a_restart()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        // The same address every time, so the pages' only node URL (their origin) is valid again after a restart.
        var environment = HostProcess.Variables(TrinityServer.NewDataDir(), $"http://127.0.0.1:{FreePorts.Next()}");
        var node = await HostProcess.StartAsync(environment, output);
        try
        {
            await using var ana = await WebUser.SignedInAsync(browser, node.BaseUri, "Ana", output, WebUser.Desktop);
            await using var ben = await WebUser.OpenAsync(browser, node.BaseUri, "Ben", output, viewport: WebUser.Phone);
            var link = new VoteCutter();
            await ben.Page.RouteWebSocketAsync(new Regex("/realtime"), link.Route);
            await ben.SignInAsync();
            var code = await ana.CreateRoomAsync("Flaky wifi", queueSize: 5);
            await ben.JoinAsync(code);
            await ana.TestId("chat-input").FillAsync("Popcorn is ready");
            await ana.TestId("chat-send").ClickAsync();
            var benProgress = ana.Member("Ben").GetByTestId("member-progress");

            // 1. The server stores the vote, but its answer is lost with the link: sent again on the new link, it counts once.
            var cut = link.Arm(VoteCutter.Mode.DropAnswer);
            await ben.TestId("like").ClickAsync();
            await cut.WaitAsync(TimeSpan.FromSeconds(20));
            await link.CloseAsync();
            await Expect(ben.TestId("my-progress")).ToHaveAttributeAsync("data-voted", "1");
            await Expect(benProgress).ToHaveTextAsync("1/5");
            await Expect(ben.ConnectionState).ToHaveTextAsync("connected");
            await Expect(ben.Page.Locator("#offline-note")).ToBeHiddenAsync();
            await Expect(ben.TestId("like")).ToBeEnabledAsync();

            // 2. The vote never reaches the server, which then stops: the page says so, and sends the vote once it is back.
            var second = await ben.TestId("card").GetAttributeAsync("data-media-id");
            cut = link.Arm(VoteCutter.Mode.DropVote);
            await ben.TestId("like").ClickAsync();
            await cut.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(60)));
            await Expect(ben.ConnectionState).Not.ToHaveTextAsync("connected");
            await Expect(ben.Page.Locator("#offline-note")).ToBeVisibleAsync();
            await Expect(ben.Page.Locator("#offline-note")).ToHaveTextAsync("Your vote is sent as soon as the connection is back.");
            await Expect(ben.TestId("like")).ToBeDisabledAsync();
            await Expect(ben.TestId("dislike")).ToBeDisabledAsync();
            await Expect(ben.Page.Locator("[data-testid=member][data-online=true]")).ToHaveCountAsync(0);
            await ben.ScreenshotAsync("offline", output);

            node = await HostProcess.StartAsync(environment, output);
            await Expect(ben.ConnectionState).ToHaveTextAsync("connected", new() { Timeout = 45_000 });
            await Expect(ben.TestId("my-progress")).ToHaveAttributeAsync("data-voted", "2");
            await Expect(benProgress).ToHaveTextAsync("2/5", new() { Timeout = 45_000 });
            await Expect(ben.Page.Locator("#offline-note")).ToBeHiddenAsync();
            await Expect(ben.TestId("card")).Not.ToHaveAttributeAsync("data-media-id", second!);
            // The first vote, then each cut vote once more: nothing else was sent.
            Assert.Equal(3, link.VotesSent);

            // 3. Ben liked two titles: the creator decides, and the pick and the chat outlive a restart and a reload.
            await ana.TestId("decide-now").ClickAsync();
            var pick = await ana.TestId("final-pick").GetAttributeAsync("data-media-id");
            await Expect(ben.TestId("final-pick")).ToHaveAttributeAsync("data-media-id", pick!);
            Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(60)));
            node = await HostProcess.StartAsync(environment, output);
            foreach (var user in new[] { ana, ben })
            {
                await user.Page.ReloadAsync();
                await Expect(user.ConnectionState).ToHaveTextAsync("connected", new() { Timeout = 45_000 });
                await Expect(user.TestId("final-pick")).ToHaveAttributeAsync("data-media-id", pick!);
                await Expect(user.TestId("finish-reason")).ToHaveTextAsync("The creator decided.");
                await Expect(user.TestId("chat-line").Filter(new() { HasText = "Popcorn is ready" })).ToHaveCountAsync(1);
                await Expect(user.TestId("like")).ToBeHiddenAsync();
            }
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>
    /// Sits between the page and the node on the SignalR WebSocket (JSON protocol: records ending in 0x1E) and cuts
    /// the next vote once: its invocation never reaches the node, or the node's answer never reaches the page.
    /// </summary>
    private sealed class VoteCutter
    {
        public enum Mode { None, DropVote, DropAnswer }

        private const char RecordSeparator = '\u001e';
        private IWebSocketRoute? _page;
        private string? _answerToDrop;

        private Mode _cut;
        private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Votes that reached the node.</summary>
        public int VotesSent { get; private set; }

        /// <summary>Cuts the next vote; the task completes once it is cut.</summary>
        public Task Arm(Mode mode)
        {
            _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _cut = mode;
            return _done.Task;
        }

        public void Route(IWebSocketRoute page)
        {
            _page = page;
            var node = page.ConnectToServer();
            page.OnMessage(frame => Forward(node, Filter(TextOf(frame), fromPage: true)));
            node.OnMessage(frame => Forward(page, Filter(TextOf(frame), fromPage: false)));
        }

        public Task CloseAsync() => _page!.CloseAsync();

        /// <summary>The web client speaks SignalR's JSON protocol: every frame is text.</summary>
        private static string TextOf(IWebSocketFrame frame) =>
            frame.Text ?? throw new InvalidOperationException("a binary frame: the web client speaks JSON");

        private static void Forward(IWebSocketRoute to, string records)
        {
            if (records.Length > 0) to.Send(records);
        }

        private string Filter(string frame, bool fromPage)
        {
            var kept = new List<string>();
            foreach (var record in frame.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (fromPage && record.Contains("\"target\":\"Vote\""))
                {
                    if (_cut == Mode.DropVote) { Done(); continue; }
                    VotesSent++;
                    if (_cut == Mode.DropAnswer) _answerToDrop = Regex.Match(record, "\"invocationId\":\"([^\"]+)\"").Groups[1].Value;
                }
                if (!fromPage && _answerToDrop is not null && record.Contains("\"type\":3") && record.Contains($"\"invocationId\":\"{_answerToDrop}\""))
                {
                    _answerToDrop = null;
                    Done();
                    continue;
                }
                kept.Add(record + RecordSeparator);
            }
            return string.Concat(kept);
        }

        private void Done()
        {
            _cut = Mode.None;
            _done.SetResult();
        }
    }
}
