namespace Singr.Api.Http;

/// <summary>Builds envelopes with the meta block filled from the current request.</summary>
public static class Envelope
{
    public static ApiEnvelope<TData> Success<TData>(HttpContext context, TData data, string? message = null) =>
        new(true, data, message, null, MetaFor(context));

    public static ApiErrorEnvelope Failure(HttpContext context, ApiError error) =>
        new(false, null, error, MetaFor(context));

    private static ApiMeta MetaFor(HttpContext context) =>
        new(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), context.TraceIdentifier);
}
