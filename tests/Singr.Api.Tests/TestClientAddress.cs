using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Singr.Api.Tests;

/// <summary>
/// TestServer leaves <c>Connection.RemoteIpAddress</c> null; this sets it, ahead of the application's pipeline, from the
/// test-only header <see cref="HeaderName"/>, so tests can play a client (or a proxy) at a given address.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string HeaderName = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[HeaderName].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
