using Microsoft.Playwright;

namespace Trinity.Web.Tests;

/// <summary>
/// One headless Debian Chromium for every browser test, driven by Playwright. Playwright never
/// downloads a browser here: it runs the system one, and when that is absent the tests skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string SkipReason = $"no Chromium at {ChromiumPath} (CI: apt-get install -y chromium)";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    public bool Available { get; } = File.Exists(ChromiumPath);
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!Available) return;
        // Expectations retry until this long, then fail with what they last saw.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    // One collection: the browser is shared and the tests run one after another.
    public const string Name = "browser";
}
