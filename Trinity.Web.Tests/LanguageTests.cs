using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>Spanish and English: from the browser's language (Accept-Language, navigator.languages), switchable, remembered.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_Spanish_browser_gets_everything_in_Spanish_and_the_switch_changes_and_remembers_the_language()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var server = await WebServer.StartAsync();
        await using var eva = await WebUser.OpenAsync(browser, server.BaseUri, "Eva", output, viewport: WebUser.Phone, locale: "es-ES");
        await Expect(eva.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(eva.TestId("language")).ToHaveValueAsync("es");
        await Expect(eva.TestId("sign-in")).ToHaveTextAsync("Entrar como invitado");
        await eva.SignInAsync();
        await Expect(eva.Page.Locator("#connection-label")).ToHaveTextAsync("Conectado");

        await eva.TestId("join-code").FillAsync("ZZZZZ9");
        await eva.TestId("join-room").ClickAsync();
        await Expect(eva.TestId("error")).ToHaveTextAsync("Ninguna sala tiene ese código.");
        await eva.ScreenshotAsync("spanish-lobby", output);

        var code = await eva.CreateRoomAsync("Noche de pelis");
        await Expect(eva.TestId("my-progress")).ToHaveTextAsync("Has votado 0 de 5");
        await Expect(eva.TestId("like")).ToHaveTextAsync("♥ Me gusta");
        await Expect(eva.Page.Locator("#room-meta")).ToHaveTextAsync("Unanimidad · 5 títulos");
        await eva.ScreenshotAsync("spanish-room", output);

        // Switched to English: at once, and still after a reload although the browser prefers Spanish.
        await eva.TestId("language").SelectOptionAsync("en");
        await Expect(eva.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(eva.TestId("my-progress")).ToHaveTextAsync("You have voted 0 of 5");
        await Expect(eva.TestId("like")).ToHaveTextAsync("♥ Like");
        await eva.Page.ReloadAsync();
        await Expect(eva.TestId("invite-code")).ToHaveTextAsync(code);
        await Expect(eva.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(eva.TestId("language")).ToHaveValueAsync("en");
        await Expect(eva.Page.Locator("#room-meta")).ToHaveTextAsync("Unanimous · 5 titles");

        // And back: the choice is the person's, not the browser's.
        await eva.TestId("language").SelectOptionAsync("es");
        await eva.Page.ReloadAsync();
        await Expect(eva.TestId("my-progress")).ToHaveTextAsync("Has votado 0 de 5");
        await Expect(eva.Page).ToHaveTitleAsync("Trinity — decidid juntos qué ver");
        // The mood box asks in Spanish, and the answer reads the request in Spanish.
        await Expect(eva.Page.Locator("#mood-input")).ToHaveAttributeAsync("placeholder", "algo acogedor y divertido");
        await eva.Page.GetByLabel("Describe qué os apetece").FillAsync("algo de miedo para una noche de tormenta");
        await eva.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sugerir" }).ClickAsync();
        await Expect(eva.Page.Locator("#recommendations")).ToContainTextAsync("Eva lo pidió.");
        await Expect(eva.Page.Locator("#recommendations .reading")).ToContainTextAsync("Entendido");
        await Expect(eva.Page.Locator("#recommendations .reading")).ToHaveAttributeAsync("lang", "es");
        await eva.ScreenshotAsync("spanish-mood", output);
    }
}
