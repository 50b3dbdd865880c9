using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Songbook;
using Orleans;
using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Seeding;

/// <summary>
/// Seeds a demo organisation with its owner account and its venue <c>demo-venue</c>, so a fresh <c>make run</c> has
/// something to show and sign in to. Idempotent: fixed ids, and every grain command here repeats harmlessly.
/// </summary>
public sealed class DemoSeeder(IGrainFactory grains, ILogger<DemoSeeder> logger) : IHostedService
{
    public static readonly Guid DemoCustomerId = Guid.Parse("5a1e0000-0000-4000-8000-000000000001");
    public static readonly Guid DemoVenueId = Guid.Parse("5a1e0000-0000-4000-8000-000000000002");
    public const string DemoVenueSlug = "demo-venue";
    public const string DemoOwnerEmail = "owner@demo.singr.test";

    /// <summary>Printed in the README: the demo is for local machines, never a deployed environment.</summary>
    public const string DemoOwnerPassword = "demo-owner-42";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var account = grains.GetGrain<IAccountGrain>(DemoOwnerEmail);
        var owner = await account.GetProfile()
            ?? (await account.Register(new RegisterAccount(DemoOwnerEmail, "Demo Owner", DemoOwnerPassword))).Profile
            ?? throw new InvalidOperationException("The demo owner could not be registered.");
        var stamp = new AuditStamp(owner.UserId, owner.Email, null, null, Roles.CustomerOwner, null, "demo-seed");

        var customer = await grains.GetGrain<ICustomerGrain>(DemoCustomerId)
            .Create(new CreateCustomer("Demo Bar Group", new MemberIdentity(owner.UserId, owner.Email, owner.Name), stamp));
        var venue = await grains.GetGrain<IVenueGrain>(DemoVenueId)
            .Create(new CreateVenue(DemoCustomerId, new VenueDetails(DemoVenueSlug, "Demo Venue", "America/New_York", "1 Demo Street"), stamp));
        if (customer.Error is not null || venue.Error is not null)
        {
            throw new InvalidOperationException($"The demo could not be seeded: {customer.Error ?? venue.Error}.");
        }

        if (owner.ActiveCustomerId is null)
        {
            await account.ChooseActiveCustomer(DemoCustomerId);
        }

        var songbook = grains.GetGrain<ISongbookGrain>(DemoVenueId);
        if (await songbook.CountSongs() == 0)
        {
            await songbook.Import(new ImportSongbook(DemoSongbook.Songs, DemoCustomerId, stamp));
        }

        logger.LogInformation("Demo venue '{Slug}' is seeded; its owner signs in as {Email}", DemoVenueSlug, DemoOwnerEmail);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
