using System.Text.Unicode;

namespace Singr.Api.Http;

/// <summary>
/// A JSON body must be UTF-8 text throughout. The serializer checks the strings it reads, but skips the names of
/// fields it does not know without looking at them: <c>{"\xFF\xFE":1}</c> would bind as <c>{}</c>, so a malformed
/// logout answered "signed out". Bodies are small (<see cref="HttpOptions.MaxJsonBodyBytes"/>), so each is read once
/// here, checked, and handed on from the start.
/// </summary>
public sealed class Utf8BodyGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.HasJsonContentType() && context.Request.ContentLength != 0)
        {
            context.Request.EnableBuffering();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            context.Request.Body.Position = 0;
            if (!Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                await ApiResults.Failure(context, StatusCodes.Status400BadRequest, ApiErrors.ForStatus(StatusCodes.Status400BadRequest) with
                {
                    Message = "The body is not UTF-8 text: send JSON encoded as UTF-8.",
                }).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
