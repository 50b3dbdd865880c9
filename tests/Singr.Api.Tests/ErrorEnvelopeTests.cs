using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Singr.Api.Http;
using Orleans.Runtime;

namespace Singr.Api.Tests;

public sealed class ErrorEnvelopeTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    [Fact]
    public async Task An_unknown_route_answers_404_in_the_envelope()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/no-such-thing", UriKind.Relative));
        var error = await EnvelopeJson.ErrorOfAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("userMessage").GetString()));
    }

    [Fact]
    public async Task A_wrong_method_answers_405_in_the_envelope()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/auth/login", UriKind.Relative));
        var error = await EnvelopeJson.ErrorOfAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_transient_grain_failure_is_a_503_with_retry_after_that_says_nothing_changed()
    {
        var context = ContextFailingWith(new SiloUnavailableException("the silo hosting venue v1 stopped"));

        await ErrorEnvelopes.WriteExceptionAsync(context);
        var body = await BodyOfAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("TEMPORARILY_UNAVAILABLE", body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(body.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_that_does_not_leak_its_details()
    {
        var context = ContextFailingWith(new InvalidOperationException("connection string Password=hunter2 in a stack"));

        await ErrorEnvelopes.WriteExceptionAsync(context);
        var text = await TextOfAsync(context);

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Contains("INTERNAL_ERROR", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("req-500", text, StringComparison.Ordinal);
    }

    private static DefaultHttpContext ContextFailingWith(Exception exception)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider(),
            TraceIdentifier = "req-500",
        };
        context.Response.Body = new MemoryStream();
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = exception, Path = "/v1/anything" });
        return context;
    }

    private static async Task<string> TextOfAsync(HttpContext context)
    {
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }

    private static async Task<JsonElement> BodyOfAsync(HttpContext context) =>
        JsonDocument.Parse(await TextOfAsync(context)).RootElement;
}
