using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Singr.Api.Auth;
using Singr.Api.RateLimiting;
using Singr.Testing;

namespace Singr.Api.Tests;

public sealed class RateLimitTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    private const string Password = "karaoke42";

    [Fact]
    public async Task The_sixth_sign_in_within_a_minute_from_one_address_is_refused_with_429_retry_after_and_the_envelope()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        const string address = "203.0.113.7";
        var email = UniqueEmail();
        using var registered = await RegisterAsync(client, email, from: address);

        var wrongPasswordStatuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await SignInAsync(client, email, "not-the-password", from: address);
            wrongPasswordStatuses.Add(wrong.StatusCode);
        }

        using var sixth = await SignInAsync(client, email, Password, from: address);
        var error = await EnvelopeJson.ErrorOfAsync(sixth);
        using var registerAfterwards = await RegisterAsync(client, UniqueEmail(), from: address);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), wrongPasswordStatuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = sixth.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("RATE_LIMITED", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("userMessage").GetString()));
        Assert.Equal(HttpStatusCode.Created, registerAfterwards.StatusCode);

        var warning = Assert.Single(factory.Logs.Records, r => r.Category == typeof(RateLimitRejection).FullName);
        Assert.Equal(RateLimitPolicies.AuthSignIn, warning.Properties["RateLimitPolicy"]);
        Assert.DoesNotContain(address, warning.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(email, warning.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_fourth_registration_within_an_hour_from_one_address_is_refused_and_creates_nothing()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        const string address = "203.0.113.8";

        var statuses = new List<HttpStatusCode>();
        for (var registration = 0; registration < 3; registration++)
        {
            using var response = await RegisterAsync(client, UniqueEmail(), from: address);
            statuses.Add(response.StatusCode);
        }

        var fourthEmail = UniqueEmail();
        using var fourth = await RegisterAsync(client, fourthEmail, from: address);
        var error = await EnvelopeJson.ErrorOfAsync(fourth);
        using var signInAsFourth = await SignInAsync(client, fourthEmail, Password, from: address);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 3), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("RATE_LIMITED", error.GetProperty("code").GetString());
        Assert.True(fourth.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, signInAsFourth.StatusCode);
    }

    [Fact]
    public async Task A_limit_and_window_set_in_configuration_are_honoured()
    {
        await using var production = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        await using var factory = production.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Singr:RateLimits:AuthSignIn:PermitLimit", "2");
            builder.UseSetting("Singr:RateLimits:AuthSignIn:Window", "00:00:02");
        });
        using var client = factory.CreateClient();
        const string address = "203.0.113.9";

        using var first = await SignInAsync(client, UniqueEmail(), Password, from: address);
        using var second = await SignInAsync(client, UniqueEmail(), Password, from: address);
        using var third = await SignInAsync(client, UniqueEmail(), Password, from: address);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), third.Headers.RetryAfter?.Delta);
        await Eventually.TrueAsync(
            async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                using var again = await SignInAsync(client, UniqueEmail(), Password, from: address);
                return again.StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(10),
            "the 2-second window to end and let sign-ins through again");
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", null)]
    [InlineData("10.20.30.40", "10.0.0.0/8")]
    public async Task Clients_behind_a_trusted_proxy_are_counted_by_their_forwarded_address(string proxy, string? trustedNetwork)
    {
        await using var production = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        await using var factory = production.WithWebHostBuilder(builder =>
        {
            if (trustedNetwork is not null)
            {
                builder.UseSetting("Singr:Http:TrustedNetworks:0", trustedNetwork);
            }
        });
        using var client = factory.CreateClient();

        var firstClientStatuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await SignInAsync(client, UniqueEmail(), Password, from: proxy, forwardedFor: "198.51.100.1");
            firstClientStatuses.Add(response.StatusCode);
        }

        using var secondClient = await SignInAsync(client, UniqueEmail(), Password, from: proxy, forwardedFor: "198.51.100.2");
        using var proxyItself = await SignInAsync(client, UniqueEmail(), Password, from: proxy);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], firstClientStatuses);
        Assert.Equal(HttpStatusCode.Unauthorized, secondClient.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, proxyItself.StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_a_trusted_proxy_cannot_dodge_the_limit_with_forwarded_headers()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await SignInAsync(client, UniqueEmail(), Password, from: "203.0.113.50", forwardedFor: $"198.51.100.{attempt + 10}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Requests_without_a_client_address_share_one_counter()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var firstClient = factory.CreateClient();
        using var secondClient = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await SignInAsync(firstClient, UniqueEmail(), Password, from: null);
            statuses.Add(response.StatusCode);
        }

        using var fromAnotherClient = await SignInAsync(secondClient, UniqueEmail(), Password, from: null);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, fromAnotherClient.StatusCode);
    }

    [Fact]
    public void A_signed_in_caller_is_counted_by_subject_except_on_sign_in_and_registration()
    {
        var context = ContextFrom("203.0.113.20", subject: "3f2c1d9e-0000-4000-8000-000000000001");

        Assert.Equal("public-venues|user:3f2c1d9e-0000-4000-8000-000000000001", RateLimitPartitionKeys.For(RateLimitPolicies.PublicVenues, context));
        Assert.Equal("auth-signin|address:203.0.113.20", RateLimitPartitionKeys.For(RateLimitPolicies.AuthSignIn, context));
        Assert.Equal("auth-register|address:203.0.113.20", RateLimitPartitionKeys.For(RateLimitPolicies.AuthRegister, context));
    }

    [Fact]
    public void Clearing_requests_is_counted_per_organisation_the_token_acts_for()
    {
        var member = ContextFrom("203.0.113.22", subject: "3f2c1d9e-0000-4000-8000-000000000002");
        var acting = ContextFrom("203.0.113.22", subject: "3f2c1d9e-0000-4000-8000-000000000002");
        ((ClaimsIdentity)acting.User.Identity!).AddClaim(new Claim(SingrClaims.CustomerId, "7a7a7a7a-0000-4000-8000-000000000007"));

        Assert.Equal("customer-requests-bulk-delete|customer:7a7a7a7a-0000-4000-8000-000000000007",
            RateLimitPartitionKeys.For(RateLimitPolicies.CustomerRequestsBulkDelete, acting));
        Assert.Equal("customer-api|user:3f2c1d9e-0000-4000-8000-000000000002", RateLimitPartitionKeys.For(RateLimitPolicies.CustomerApi, acting));
        Assert.Equal("customer-requests-bulk-delete|user:3f2c1d9e-0000-4000-8000-000000000002",
            RateLimitPartitionKeys.For(RateLimitPolicies.CustomerRequestsBulkDelete, member));
    }

    [Fact]
    public async Task The_sixth_clearing_of_requests_in_an_hour_is_refused_for_the_whole_organisation_and_only_for_it()
    {
        await using var app = new SingrApiFactory(fixture.Database);
        await using var factory = app.WithWebHostBuilder(builder =>
            builder.UseSetting($"{RateLimitOptions.SectionName}:{nameof(RateLimitOptions.CustomerRequestsBulkDelete)}:PermitLimit", "5"));
        using var client = factory.CreateClient();
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(client);
        var manager = await ApiUser.RegisterAsync(client, "manager");
        await owner.AddMemberAsync(manager, customerId, "customer_manager");
        await owner.CreateVenueAsync();
        var (other, _) = await ApiUser.RegisterOwnerAsync(client, "other");

        var statuses = new List<HttpStatusCode>();
        foreach (var host in new[] { owner, manager, owner, manager, owner })
        {
            using var cleared = await host.SendAsync(HttpMethod.Delete, "/v1/customer/requests");
            statuses.Add(cleared.StatusCode);
        }

        using var sixth = await manager.SendAsync(HttpMethod.Delete, "/v1/customer/requests");
        var error = await EnvelopeJson.ErrorOfAsync(sixth);
        using var reading = await owner.SendAsync(HttpMethod.Get, "/v1/customer/requests");
        using var otherOrganisation = await other.SendAsync(HttpMethod.Delete, "/v1/customer/requests");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("RATE_LIMITED", error.GetProperty("code").GetString());
        Assert.InRange(sixth.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherOrganisation.StatusCode);
    }

    [Fact]
    public async Task A_host_requesting_on_patrons_behalf_all_night_is_not_held_to_a_patrons_ten_an_hour()
    {
        await using var factory = new SingrApiFactory(fixture.Database, productionRateLimits: true);
        using var client = factory.CreateClient();
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(slug, new { maxPendingPerPatron = 50, queueLimit = 100 });
        var guest = await ApiUser.GuestTokenAsync(client, slug);

        var hostStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var onBehalf = await owner.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/queue",
                new { kind = "karaoke", artist = "The Regulars", title = $"Table Song {i}", onBehalfOf = $"Table {i}" });
            hostStatuses.Add(onBehalf.StatusCode);
        }

        var patronStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var own = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, ApiUser.Song($"Guest Song {i}"));
            patronStatuses.Add(own.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 12), hostStatuses);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 10), HttpStatusCode.TooManyRequests], patronStatuses);
    }

    [Theory]
    [InlineData("203.0.113.21", "customer-api|address:203.0.113.21")]
    [InlineData("::ffff:203.0.113.21", "customer-api|address:203.0.113.21")]
    [InlineData("2001:db8::21", "customer-api|address:2001:db8::21")]
    [InlineData(null, "customer-api|address:unknown")]
    public void An_anonymous_caller_is_counted_by_address_or_in_the_shared_unknown_partition(string? address, string expected)
    {
        Assert.Equal(expected, RateLimitPartitionKeys.For(RateLimitPolicies.CustomerApi, ContextFrom(address, subject: null)));
    }

    [Fact]
    public void Every_policy_name_has_a_configurable_limit_and_the_defaults_are_the_products()
    {
        var policyNames = typeof(RateLimitPolicies).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var limits = new RateLimitOptions().ByPolicy();

        Assert.Equal(policyNames, limits.Keys.ToHashSet());
        Assert.Equal((5, TimeSpan.FromMinutes(1)), Of(limits[RateLimitPolicies.AuthSignIn]));
        Assert.Equal((3, TimeSpan.FromHours(1)), Of(limits[RateLimitPolicies.AuthRegister]));
        Assert.Equal((10, TimeSpan.FromMinutes(15)), Of(limits[RateLimitPolicies.AuthTwoFactorVerify]));
        Assert.Equal((60, TimeSpan.FromMinutes(1)), Of(limits[RateLimitPolicies.PublicSongsSearch]));
        Assert.Equal((100, TimeSpan.FromMinutes(1)), Of(limits[RateLimitPolicies.CustomerApi]));
        Assert.Equal((200, TimeSpan.FromMinutes(1)), Of(limits[RateLimitPolicies.AdminApi]));
        Assert.Equal((5, TimeSpan.FromHours(1)), Of(limits[RateLimitPolicies.CustomerRequestsBulkDelete]));

        static (int, TimeSpan) Of(FixedWindowLimit limit) => (limit.PermitLimit, limit.Window);
    }

    private static DefaultHttpContext ContextFrom(string? address, string? subject)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        if (subject is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SingrClaims.Subject, subject)], authenticationType: "Bearer"));
        }

        return context;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? from, string? forwardedFor = null) =>
        SendAsync(client, "/v1/auth/login", new { email, password }, from, forwardedFor);

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string? from) =>
        SendAsync(client, "/v1/auth/register", new { email, password = Password, name = "Ann" }, from, forwardedFor: null);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string? from, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (from is not null)
        {
            request.Headers.Add(TestClientAddress.HeaderName, from);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private static string UniqueEmail() => $"Limited.{Guid.NewGuid():N}@Example.com";
}
