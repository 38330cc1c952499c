using System.Text.Json;
using Microsoft.Playwright;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>The web client as an installable app: its manifest and icons, and a service worker that keeps the shell only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InstallableAppTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("")]
    [InlineData("/trinity")]
    public async Task The_manifest_is_linked_and_valid_and_the_service_worker_controls_the_page_and_opens_it_offline(string basePath)
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = basePath.Length == 0 ? await WebServer.StartAsync() : await WebServer.StartAsync(null, $"--Trinity:BasePath={basePath}");
        var home = server.BaseUri.ToString();
        await using var ana = await WebUser.OpenAsync(browser, server.BaseUri, "Ana", output, home,
            new ViewportSize { Width = 360, Height = 740 },
            // A cache left by an older version of the worker, which the new one must drop.
            initScript: "caches.open('trinity-shell-v0')");
        var page = ana.Page;

        // The manifest, as the browser resolves it: relative to its own URL, so it lives under the base path.
        var manifestUrl = await page.Locator("link[rel=manifest]").EvaluateAsync<string>("link => link.href");
        Assert.Equal(home + "manifest.webmanifest", manifestUrl);
        var response = await page.APIRequest.GetAsync(manifestUrl);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/manifest+json", response.Headers["content-type"].Split(';')[0]);
        var manifest = JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.Equal("Trinity", manifest.GetProperty("short_name").GetString());
        Assert.False(string.IsNullOrEmpty(manifest.GetProperty("name").GetString()));
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal(home, new Uri(new Uri(manifestUrl), manifest.GetProperty("start_url").GetString()).ToString());
        Assert.Equal(home, new Uri(new Uri(manifestUrl), manifest.GetProperty("scope").GetString()).ToString());
        var icons = manifest.GetProperty("icons").EnumerateArray().ToArray();
        foreach (var (size, purpose) in new[] { (192, "any"), (512, "any"), (512, "maskable") })
        {
            var icon = icons.Single(i => i.GetProperty("sizes").GetString() == $"{size}x{size}" && i.GetProperty("purpose").GetString() == purpose);
            var url = new Uri(new Uri(manifestUrl), icon.GetProperty("src").GetString()).ToString();
            Assert.Equal(size, await page.EvaluateAsync<int>(
                "async (url) => { const i = new Image(); i.src = url; await i.decode(); return i.naturalWidth === i.naturalHeight ? i.naturalWidth : -1; }", url));
        }
        await Expect(page.Locator("meta[name=theme-color]")).ToHaveAttributeAsync("content", manifest.GetProperty("theme_color").GetString()!);
        Assert.Equal(200, (await page.APIRequest.GetAsync(
            await page.Locator("link[rel=apple-touch-icon]").EvaluateAsync<string>("link => link.href"))).Status);

        // The worker's scope is the client at the base path; once active it controls the page and dropped the old cache.
        Assert.Equal(home, await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope"));
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        Assert.Equal(["trinity-shell-v1"], await page.EvaluateAsync<string[]>("() => caches.keys()"));

        // The app works under it, and the live parts never reach the cache.
        await ana.SignInAsync();
        await ana.CreateRoomAsync("Offline night");
        await page.EvaluateAsync("() => fetch('api/me/rooms').catch(() => null)");
        var cached = await page.EvaluateAsync<string[]>(
            "async () => { const c = await caches.open('trinity-shell-v1'); return (await c.keys()).map(r => r.url); }");
        output.WriteLine(string.Join('\n', cached));
        Assert.Contains(home, cached);
        Assert.Contains(home + "js/app.js", cached);
        Assert.DoesNotContain(cached, url => new[] { "api/", "realtime", "admin", "metrics", "healthz" }
            .Any(live => url.StartsWith(home + live, StringComparison.Ordinal)));

        // Offline, the shell still opens (from the worker's cache), at the root and at an invite link.
        await page.Context.SetOfflineAsync(true);
        foreach (var path in new[] { home, home + "join/ABC123" })
        {
            await page.GotoAsync(path);
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Trinity"));
            await Expect(page.Locator("link[rel=manifest]")).ToHaveCountAsync(1);
        }
    }

    [SkippableFact]
    public async Task A_new_version_of_the_worker_takes_over_and_drops_the_old_cache()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        // A deploy in miniature: the node serves a copy of wwwroot, whose sw.js then gets a new VERSION.
        var contentRoot = Directory.CreateTempSubdirectory("trinity-deploy-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "wwwroot"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(contentRoot, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(contentRoot, "appsettings.json"));
        await using var server = await TrinityServer.StartAsync(null, $"--contentRoot={contentRoot}");
        await using var ana = await WebUser.OpenAsync(browser, server.BaseUri, "Ana", output);
        var page = ana.Page;
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        Assert.Equal(["trinity-shell-v1"], await page.EvaluateAsync<string[]>("() => caches.keys()"));

        var worker = Path.Combine(contentRoot, "wwwroot", "sw.js");
        var script = await File.ReadAllTextAsync(worker);
        Assert.Contains("const VERSION = \"1\";", script);
        await File.WriteAllTextAsync(worker, script.Replace("const VERSION = \"1\";", "const VERSION = \"2\";"));
        // Browsers look for a new worker on navigation; update() is the same check, now.
        await page.EvaluateAsync("async () => (await navigator.serviceWorker.ready).update()");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        string[] keys;
        while (!(keys = await page.EvaluateAsync<string[]>("() => caches.keys()")).SequenceEqual(["trinity-shell-v2"]))
        {
            Assert.True(DateTime.UtcNow < deadline, $"caches after the new version: {string.Join(", ", keys)}");
            await Task.Delay(100);
        }
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"), "the page is still controlled");
        Directory.Delete(contentRoot, recursive: true);
    }
}
