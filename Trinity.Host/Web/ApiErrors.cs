using Trinity.Actors.Protocol;

namespace Trinity.Host.Web;

/// <summary>The REST face of the protocol's error codes: a status and <c>{ code, message }</c>.</summary>
public static class ApiErrors
{
    public static int StatusFor(string code) => code switch
    {
        ErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.RoomNotFound => StatusCodes.Status404NotFound,
        ErrorCodes.RoomFull or ErrorCodes.RoomClosed or ErrorCodes.AlreadyVoted => StatusCodes.Status409Conflict,
        ErrorCodes.MediaNotInRoom or ErrorCodes.ValidationFailed => StatusCodes.Status400BadRequest,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    public static Task WriteAsync(HttpContext context, string code, string message)
    {
        context.Response.StatusCode = StatusFor(code);
        return context.Response.WriteAsJsonAsync(new { code, message });
    }

    /// <summary>The same body as an endpoint's result, for a refusal whose status is not the code's usual one.</summary>
    public static IResult Result(string code, string message, int statusCode) =>
        Results.Json(new { code, message }, statusCode: statusCode);

    /// <summary>Catches refusals thrown anywhere below it, and bodies that are not JSON at all.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (TrinityException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.Code, e.Detail);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ErrorCodes.ValidationFailed, $"body {e.Message.TrimEnd('.').ToLowerInvariant()}");
        }
    });
}
