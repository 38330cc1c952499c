using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>One person at the web client: a browser context of their own (own storage), one page.</summary>
public sealed partial class WebUser : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private WebUser(IBrowserContext context, IPage page, string name)
    {
        _context = context;
        Page = page;
        Name = name;
    }

    public IPage Page { get; }
    public string Name { get; }

    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <param name="locale">the browser's language (navigator.languages and Accept-Language); English unless said</param>
    public static async Task<WebUser> OpenAsync(BrowserFixture browser, Uri baseUri, string name, ITestOutputHelper output,
        string path = "/", ViewportSize? viewport = null, string? initScript = null, string locale = "en-US")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUri.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = locale,
            HasTouch = viewport?.Width < 600,
        });
        if (initScript is not null) await context.AddInitScriptAsync(initScript);
        var page = await context.NewPageAsync();
        // The page's own errors explain a failing expectation better than a timeout does.
        page.Console += (_, message) => { if (message.Type is "error" or "warning") Log(output, $"[{name} console] {message.Text}"); };
        page.PageError += (_, error) => Log(output, $"[{name} page error] {error}");
        await page.GotoAsync(path);
        return new WebUser(context, page, name);
    }

    /// <summary>Opens the page and signs in as a guest, waiting for the connection.</summary>
    public static async Task<WebUser> SignedInAsync(BrowserFixture browser, Uri baseUri, string name, ITestOutputHelper output,
        ViewportSize? viewport = null)
    {
        var user = await OpenAsync(browser, baseUri, name, output, viewport: viewport);
        await user.SignInAsync();
        return user;
    }

    /// <summary>A screenshot of what this person sees now, in TestResults/{state}-{width}x{height}.png.</summary>
    public async Task ScreenshotAsync(string state, ITestOutputHelper output)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(dir);
        var size = Page.ViewportSize!;
        var path = Path.Combine(dir, $"{state}-{size.Width}x{size.Height}.png");
        await Page.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        Log(output, $"screenshot: {path}");
    }

    public ILocator TestId(string id) => Page.GetByTestId(id);

    public ILocator ConnectionState => TestId("connection-state");

    public async Task SignInAsync()
    {
        await TestId("display-name").FillAsync(Name);
        await TestId("sign-in").ClickAsync();
        await Expect(ConnectionState).ToHaveTextAsync("connected");
    }

    /// <returns>the invite code</returns>
    public async Task<string> CreateRoomAsync(string roomName, string consensus = "unanimous", int queueSize = 5, bool endOnFirstMatch = false)
    {
        await TestId("room-name").FillAsync(roomName);
        await TestId("consensus").SelectOptionAsync(consensus);
        await Page.Locator("#queue-size").FillAsync(queueSize.ToString()); // by id: the label changes with the language
        await Page.Locator("#end-on-first-match").SetCheckedAsync(endOnFirstMatch);
        await TestId("create-room").ClickAsync();
        await Expect(TestId("invite-code")).ToHaveTextAsync(InviteCode());
        return await TestId("invite-code").InnerTextAsync();
    }

    public async Task JoinAsync(string inviteCode)
    {
        await TestId("join-code").FillAsync(inviteCode);
        await TestId("join-room").ClickAsync();
        await Expect(TestId("invite-code")).ToHaveTextAsync(inviteCode);
    }

    /// <summary>Votes the next <paramref name="count"/> cards, waiting for each vote to be acknowledged.</summary>
    public async Task VoteAsync(string voteType, int count, bool useArrowKeys = false)
    {
        var button = TestId(voteType);
        var progress = Page.Locator("#my-progress");
        var start = int.Parse(ProgressCount().Match(await progress.InnerTextAsync()).Groups[1].Value);
        for (var i = 1; i <= count; i++)
        {
            if (useArrowKeys)
            {
                await Expect(button).ToBeEnabledAsync();
                await Page.Keyboard.PressAsync(voteType == "like" ? "ArrowRight" : "ArrowLeft");
            }
            else
                await button.ClickAsync(); // waits until the button is enabled again, i.e. the last vote came back
            await Expect(progress).ToHaveTextAsync(new Regex($"^You have voted {start + i} of "));
        }
    }

    /// <summary>Drags the card with the mouse (pointer events), by <paramref name="widths"/> of its width: right is positive.</summary>
    public async Task DragCardAsync(double widths)
    {
        var card = TestId("card");
        await card.ScrollIntoViewIfNeededAsync();
        var box = (await card.BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + Math.Min(box.Height / 2, 60));
        await Page.Mouse.MoveAsync((float)x, (float)y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync((float)(x + widths * box.Width), (float)y, new() { Steps = 10 });
        await Page.Mouse.UpAsync();
    }

    /// <summary>Swipes the current card right (like) or left (dislike) and waits until the vote is counted.</summary>
    public async Task SwipeAsync(string voteType)
    {
        var voted = int.Parse((await TestId("my-progress").GetAttributeAsync("data-voted"))!);
        await Expect(TestId("like")).ToBeEnabledAsync(); // the swipe, like the buttons, waits for the last vote
        await DragCardAsync(voteType == "like" ? 0.45 : -0.45);
        await Expect(TestId("my-progress")).ToHaveAttributeAsync("data-voted", (voted + 1).ToString());
    }

    public ILocator Member(string displayName) => TestId("member").Filter(new() { HasText = displayName });

    public async Task<string[]> MatchIdsAsync() =>
        [.. (await TestId("match").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.mediaId)")).Order()];

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static void Log(ITestOutputHelper output, string line)
    {
        try { output.WriteLine(line); } catch (InvalidOperationException) { /* the test has ended */ }
    }

    [GeneratedRegex("^[A-Z0-9]{6}$")]
    public static partial Regex InviteCode();

    [GeneratedRegex(@"voted (\d+) of")]
    private static partial Regex ProgressCount();
}
