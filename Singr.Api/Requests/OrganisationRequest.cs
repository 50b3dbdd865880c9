using Npgsql;
using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.Venues;

namespace Singr.Api.Requests;

/// <summary>
/// Resolves the route's <c>{id}</c> to a request at a live venue of the caller's active organisation. Anything else
/// (not a UUID, unknown, deleted, another organisation's) is 404, so other tenants' requests look like no request.
/// </summary>
public static class OrganisationRequest
{
    private static readonly object ItemKey = new();

    private const string VenueOfRequestSql =
        """
        SELECT v.id, v.slug, v.name, v.customer_id FROM song_requests r JOIN venues v ON v.id = r.venue_id
        WHERE r.id = $1 AND r.deleted_at IS NULL AND v.deleted_at IS NULL
        """;

    /// <summary>Add after <see cref="AccessFilters.RequireCustomerPermission"/>, which it relies on.</summary>
    public static RouteHandlerBuilder RequireOrganisationRequest(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var venue = Guid.TryParse(http.Request.RouteValues["id"] as string, out var id)
                ? await VenueOfAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), id, http.RequestAborted)
                : null;
            if (venue is null || venue.CustomerId != CustomerContext.Of(http).CustomerId)
            {
                return ApiResults.Failure(http, StatusCodes.Status404NotFound, RequestErrors.NotFound());
            }

            http.Items[ItemKey] = new RequestLocation(id, venue);
            return await next(invocation);
        });

    public static RequestLocation Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as RequestLocation
            ?? throw new InvalidOperationException("This endpoint has no RequireOrganisationRequest filter.");
    }

    private static async Task<VenueRef?> VenueOfAsync(NpgsqlDataSource dataSource, Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(VenueOfRequestSql);
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new VenueRef(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3))
            : null;
    }
}
