using Microsoft.AspNetCore.HttpOverrides;

namespace Trinity.Host.Web;

/// <summary>The outer layers of the HTTP pipeline: where files come from, the trusted proxies and the base path.</summary>
public static class WebPipeline
{
    /// <summary>
    /// The content root (appsettings.json, wwwroot) is the binary's directory unless the operator names one
    /// (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>): the default, the working directory, serves 404s when
    /// the node is started from anywhere else.
    /// </summary>
    public static WebApplicationOptions HostOptions(string[] args)
    {
        var configured = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        return new WebApplicationOptions { Args = args, ContentRootPath = configured ?? AppContext.BaseDirectory };
    }

    /// <summary>Forwarded headers from trusted proxies, then the base path; routing runs after both.</summary>
    public static void UseTrinityWeb(this WebApplication app, WebOptions options)
    {
        if (options.ForwardedHeaders.Any)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            // The framework trusts loopback by default; only what the operator lists is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.ForwardedHeaders.Proxies()) forwarded.KnownProxies.Add(proxy);
            foreach (var network in options.ForwardedHeaders.Networks()) forwarded.KnownIPNetworks.Add(network);
            app.UseForwardedHeaders(forwarded);
        }
        if (options.BasePath.Length > 0)
        {
            app.UsePathBase(options.BasePath);
            // UsePathBase lets other paths through unchanged; outside the base path there is nothing.
            app.Use((context, next) =>
            {
                if (context.Request.PathBase.HasValue) return next(context);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
        app.UseRouting();
    }
}
