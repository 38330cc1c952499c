using Microsoft.Extensions.FileProviders;

namespace Trinity.Host.Web;

/// <summary>
/// The HTML pages of wwwroot, with their <c>&lt;base href="/"&gt;</c> moved under the request's base path: the
/// web client and the dashboard resolve every other URL relative to it, so the same files work at any base path.
/// </summary>
public static class WebPages
{
    private const string RootBase = "<base href=\"/\">";

    public static void MapWebPages(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        // Invite links open the web client, which joins by the code in its path.
        foreach (var path in new[] { "/", "/index.html", "/join/{inviteCode}" }) Map(app, files, path, "index.html");
        // The route also matches "/admin/".
        foreach (var path in new[] { "/admin", "/admin/index.html" }) Map(app, files, path, "admin/index.html");
    }

    private static void Map(WebApplication app, IFileProvider files, string route, string file) =>
        app.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], async context =>
        {
            var page = files.GetFileInfo(file);
            if (!page.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            string html;
            using (var reader = new StreamReader(page.CreateReadStream())) html = await reader.ReadToEndAsync();
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync(html.Replace(RootBase, $"<base href=\"{context.Request.PathBase}/\">"));
        });
}
