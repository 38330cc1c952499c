using Microsoft.Playwright;

namespace Trinity.Web.Tests;

/// <summary>Reads QR codes the way a phone camera does: the image rendered by Chromium, decoded from its pixels by jsQR.</summary>
public static class QrDecoder
{
    // jsQR 1.4.0 (npm, Apache-2.0), for the tests only; the node never serves it.
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "lib", "jsqr", "jsQR.js");

    /// <summary>The text in the image at <paramref name="imageUrl"/> (absolute, or relative to the page), or null when none is found.</summary>
    public static async Task<string?> DecodeAsync(IPage page, string imageUrl)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        return await page.EvaluateAsync<string?>("""
            async (url) => {
              const image = new Image();
              image.src = url;
              await image.decode();
              const size = 400;
              const canvas = document.createElement("canvas");
              canvas.width = canvas.height = size;
              const context = canvas.getContext("2d");
              context.fillStyle = "#fff";
              context.fillRect(0, 0, size, size);
              context.drawImage(image, 0, 0, size, size);
              const found = jsQR(context.getImageData(0, 0, size, size).data, size, size);
              return found ? found.data : null;
            }
            """, imageUrl);
    }
}
