using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Singr.Api.Access;
using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API5:2023, broken function level authorisation: a caller reaching a function above its role. Every endpoint
/// that demands a permission (<see cref="PermissionRequirement"/>, so a new one is covered without a row) is called by
/// each kind of caller that lacks it, with a real venue in the route, and must answer 403 in the envelope. The owner,
/// who holds every organisation permission, is then never refused one, so the 403s are about the role.
/// </summary>
public sealed class Api5FunctionLevelAuthorizationTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Guests_players_patrons_and_staff_are_refused_every_function_their_role_lacks_and_the_owner_none()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var venue = await owner.CreateVenueAsync();
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var guest = await ApiUser.GuestTokenAsync(app.Client, venue);
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, venue);
        var callers = new (string Name, string Token, string? OrganisationRole)[]
        {
            ("guest", guest, null), ("player", player, null), ("patron without an organisation", patron.Token, null),
            ("staff", staff.Token, Roles.CustomerStaff), ("owner", owner.Token, Roles.CustomerOwner),
        };
        var guarded = GuardedEndpoints().ToList();

        var wronglyAllowed = new List<string>();
        foreach (var endpoint in guarded)
        {
            foreach (var caller in callers.Where(c => endpoint.Requirement.Platform || !RolePermissions.Grants(c.OrganisationRole, endpoint.Requirement.Permission)))
            {
                using var answer = await ApiUser.SendAsync(app.Client, endpoint.Method, endpoint.PathAt(venue, patron.UserId), caller.Token, Body(endpoint.Method));
                if (answer.StatusCode != HttpStatusCode.Forbidden || !(await answer.Content.ReadAsStringAsync()).Contains("\"success\":false", StringComparison.Ordinal))
                {
                    wronglyAllowed.Add($"{caller.Name}: {endpoint} answered {(int)answer.StatusCode}");
                }
            }
        }

        var ownerRefused = new List<string>();
        foreach (var endpoint in guarded.Where(e => !e.Requirement.Platform).OrderBy(e => e.Method == HttpMethod.Delete))
        {
            using var answer = await owner.SendAsync(endpoint.Method, endpoint.PathAt(venue, patron.UserId), Body(endpoint.Method));
            if (answer.StatusCode == HttpStatusCode.Forbidden)
            {
                ownerRefused.Add($"{endpoint}: {await answer.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(guarded.Count(e => e.Requirement.Platform) >= 4 && guarded.Count(e => !e.Requirement.Platform) >= 40, $"{guarded.Count} guarded endpoints found");
        Assert.Empty(wronglyAllowed);
        Assert.Empty(ownerRefused);
    }

    private static object? Body(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Delete ? null : new { };

    private IEnumerable<GuardedEndpoint> GuardedEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PermissionRequirement>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                new GuardedEndpoint(new HttpMethod(method), e.RoutePattern.RawText!, e.Metadata.GetMetadata<PermissionRequirement>()!)));

    private sealed record GuardedEndpoint(HttpMethod Method, string Route, PermissionRequirement Requirement)
    {
        /// <summary>The route with the owner's venue and a real account in it, and a made-up id for anything else.</summary>
        public string PathAt(string venue, Guid userId) => Route
            .Replace("{venueId}", venue, StringComparison.Ordinal)
            .Replace("{userId}", userId.ToString(), StringComparison.Ordinal)
            .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{playerId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{invitationId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Route} ({Requirement.Permission})";
    }
}
