using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Interfaces.Venues;
using Singr.Grains.Interfaces.Wallets;
using Singr.Grains.Queue;
using Singr.Testing;

namespace Singr.Cluster.Tests;

/// <summary>
/// DESIGN.md guarantee 5: a silo that dies between the wallet debit and the queue insert leaves a request that is
/// queued and paid, or neither, once the venue is active again. A <see cref="PaidRequestInterruption"/> stops the venue's
/// turn where the silo dies: the hook throws, so nothing after it in that turn runs, and the silo is then stopped
/// ungracefully; a second silo on the same database serves the venue next.
/// </summary>
public sealed class PaidRequestCrashTests : DatabaseTest
{
    private static readonly AuditStamp Operator = new(Guid.Empty, "operator", null, null, "operator", null, "test");

    private readonly Guid _venueId = Guid.NewGuid();
    private readonly Guid _patronId = Guid.NewGuid();

    [Fact]
    public async Task Stopped_after_the_charge_the_request_is_queued_and_paid_once_when_the_venue_comes_back()
    {
        var request = Request();
        await CrashMidRequestAsync(request, new PaidRequestInterruption { AfterCharge = SiloDiesHere });
        Assert.Equal(1L, await SpentAsync());

        await using var restarted = await SiloAsync(hooks: null);
        var queue = await restarted.GrainFactory.GetGrain<IVenueQueueGrain>(_venueId).GetQueue();
        var balance = await restarted.GrainFactory.GetGrain<ICreditWalletGrain>(_patronId).GetBalance();

        Assert.Equal("Crash Test", Assert.Single(queue!.Items).Title);
        Assert.Equal(4, balance.Balance);
        Assert.Equal(1L, await SpentAsync());
        Assert.Equal(
            [QueueItemStatuses.Queued],
            await Database.ColumnAsync<string>("SELECT status FROM song_requests WHERE request_id = $1", request.RequestId));
    }

    [Fact]
    public async Task Stopped_after_holding_credits_for_approval_the_request_awaits_the_host_who_can_still_reject_and_release_them()
    {
        var request = Request();
        await CrashMidRequestAsync(request, new PaidRequestInterruption { AfterCharge = SiloDiesHere }, approvalRequired: true);

        await using var restarted = await SiloAsync(hooks: null);
        var venue = restarted.GrainFactory.GetGrain<IVenueQueueGrain>(_venueId);
        var wallet = restarted.GrainFactory.GetGrain<ICreditWalletGrain>(_patronId);
        var queue = await venue.GetQueue();
        var held = await wallet.GetBalance();
        var pending = Assert.Single(await venue.GetPendingFor($"user:{_patronId}"));
        var rejected = await restarted.GrainFactory.GetGrain<IVenueRequestsGrain>(_venueId).Respond(
            new RespondToRequest(pending.Id, ApprovalStatuses.Rejected, "Not tonight", new HostIdentity(Guid.NewGuid(), "Host"), Operator));
        var released = await wallet.GetBalance();

        Assert.Empty(queue!.Items);
        Assert.Equal(1, queue.AwaitingApproval);
        Assert.Equal((5, 1), (held.Balance, held.Held));
        Assert.Equal(ApprovalStatuses.Rejected, rejected.Value!.Status);
        Assert.Equal((5, 0), (released.Balance, released.Held));
        Assert.Equal(0L, await SpentAsync());
    }

    [Fact]
    public async Task Stopped_before_the_charge_the_request_is_dropped_and_can_never_be_charged_later()
    {
        var request = Request();
        await CrashMidRequestAsync(request, new PaidRequestInterruption { BeforeCharge = SiloDiesHere });

        await using var restarted = await SiloAsync(hooks: null);
        var queue = await restarted.GrainFactory.GetGrain<IVenueQueueGrain>(_venueId).GetQueue();
        var lateCharge = await restarted.GrainFactory.GetGrain<ICreditWalletGrain>(_patronId)
            .Charge(new ChargeCredits(request.RequestId, _venueId, 1, Hold: false, "late"));
        var balance = await restarted.GrainFactory.GetGrain<ICreditWalletGrain>(_patronId).GetBalance();

        Assert.Empty(queue!.Items);
        Assert.False(lateCharge.Succeeded);
        Assert.Equal(5, balance.Balance);
        Assert.Equal(0L, await SpentAsync());
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM song_requests WHERE request_id = $1", request.RequestId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retry_of_a_request_interrupted_before_or_after_its_charge_charges_it_once_and_queues_it(bool afterTheCharge)
    {
        var request = Request();
        var crashes = 1;
        Func<Guid, Task> crashOnce = requestId => Interlocked.Decrement(ref crashes) >= 0 ? SiloDiesHere(requestId) : Task.CompletedTask;
        var hooks = afterTheCharge ? new PaidRequestInterruption { AfterCharge = crashOnce } : new PaidRequestInterruption { BeforeCharge = crashOnce };
        await using var silo = await SiloAsync(hooks);
        await SetUpPaidVenueAsync(silo.GrainFactory);
        var venue = silo.GrainFactory.GetGrain<IVenueQueueGrain>(_venueId);

        await Assert.ThrowsAnyAsync<Exception>(() => venue.RequestSong(request));
        var retried = await venue.RequestSong(request);
        var again = await venue.RequestSong(request);

        Assert.True(retried.Succeeded, retried.Error);
        Assert.Equal(retried.Value!.Item.Id, again.Value!.Item.Id);
        Assert.Single((await venue.GetQueue())!.Items);
        Assert.Equal(4, (await silo.GrainFactory.GetGrain<ICreditWalletGrain>(_patronId).GetBalance()).Balance);
        Assert.Equal(1L, await SpentAsync());
    }

    [Fact]
    public async Task A_retry_after_the_venue_moved_and_dropped_the_unpaid_request_charges_it_once_while_the_dead_silos_late_charge_never_does()
    {
        var request = Request();
        await CrashMidRequestAsync(request, new PaidRequestInterruption { BeforeCharge = SiloDiesHere });

        await using var restarted = await SiloAsync(hooks: null);
        var venue = restarted.GrainFactory.GetGrain<IVenueQueueGrain>(_venueId);
        var wallet = restarted.GrainFactory.GetGrain<ICreditWalletGrain>(_patronId);
        var dropped = await venue.GetQueue();
        var lateChargeBeforeRetry = await wallet.Charge(new ChargeCredits(request.RequestId, _venueId, 1, Hold: false, "late"));
        var retried = await venue.RequestSong(request);
        var lateChargeAfterRetry = await wallet.Charge(new ChargeCredits(request.RequestId, _venueId, 1, Hold: false, "late"));
        var queue = await venue.GetQueue();

        Assert.Empty(dropped!.Items);
        Assert.False(lateChargeBeforeRetry.Succeeded);
        Assert.True(retried.Succeeded, retried.Error);
        Assert.Equal("Crash Test", Assert.Single(queue!.Items).Title);
        Assert.Equal(4, lateChargeAfterRetry.Value!.Balance.Balance);
        Assert.Equal(4, (await wallet.GetBalance()).Balance);
        Assert.Equal(1L, await SpentAsync());
        Assert.Equal(
            [QueueItemStatuses.Queued],
            await Database.ColumnAsync<string>("SELECT status FROM song_requests WHERE request_id = $1", request.RequestId));
    }

    /// <summary>A paid venue on a silo that dies where <paramref name="interruption"/> says, in the middle of <paramref name="request"/>.</summary>
    private async Task CrashMidRequestAsync(RequestSong request, PaidRequestInterruption interruption, bool approvalRequired = false)
    {
        await using var dying = await SiloAsync(interruption);
        await SetUpPaidVenueAsync(dying.GrainFactory, approvalRequired);
        await Assert.ThrowsAnyAsync<Exception>(() => dying.GrainFactory.GetGrain<IVenueQueueGrain>(_venueId).RequestSong(request));
        await dying.CrashAsync();
    }

    /// <summary>Where the silo "dies": the rest of the venue's turn never runs.</summary>
    private static Task SiloDiesHere(Guid requestId) =>
        throw new InvalidOperationException($"The silo died here, in the middle of paid request {requestId}.");

    private RequestSong Request() => new(
        Guid.NewGuid(),
        new Patron($"user:{_patronId}", _patronId, "Pat"),
        new SongDetails(RequestKinds.Jukebox, "Crash Test", "The Faults", YoutubeId: "crashtest01", DurationSeconds: 200),
        Priority: false,
        ByHost: false);

    private Task<InProcessSilo> SiloAsync(PaidRequestInterruption? hooks) =>
        InProcessSilo.StartAsync(
            Database.ConnectionString,
            services =>
            {
                if (hooks is not null)
                {
                    services.AddSingleton<IOutgoingGrainCallFilter>(hooks);
                }
            });

    private async Task SetUpPaidVenueAsync(IGrainFactory grains, bool approvalRequired = false)
    {
        var customerId = Guid.NewGuid();
        var customer = await grains.GetGrain<ICustomerGrain>(customerId)
            .Create(new CreateCustomer("Crash Bars", new MemberIdentity(Guid.NewGuid(), "o@example.com", "O"), Operator));
        Assert.True(customer.Succeeded, customer.Error);
        var venue = await grains.GetGrain<IVenueGrain>(_venueId)
            .Create(new CreateVenue(customerId, new VenueDetails($"crash-{_venueId:N}"[..20], "Crash Bar", "UTC", null), Operator));
        Assert.True(venue.Succeeded, venue.Error);
        var settings = await grains.GetGrain<IVenueQueueGrain>(_venueId)
            .UpdateSettings(new VenueSettingsPatch(Mode: RequestModes.Paid, CostPerSong: 1, ApprovalRequired: approvalRequired), Operator);
        Assert.True(settings.Succeeded, settings.Error);
        var granted = await grains.GetGrain<ICreditWalletGrain>(_patronId)
            .Adjust(new AdjustCredits(Guid.NewGuid(), LedgerTypes.Earned, 5, null, null, "test", Operator));
        Assert.True(granted.Succeeded, granted.Error);
    }

    private Task<long> SpentAsync() =>
        Database.ScalarAsync<long>("SELECT count(*) FROM credit_transactions WHERE user_id = $1 AND transaction_type = 'SPENT'", _patronId);
}
