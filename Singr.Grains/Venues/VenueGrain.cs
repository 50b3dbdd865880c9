using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Venues;
using Singr.Grains.Queue;
using Singr.Grains.Persistence;

namespace Singr.Grains.Venues;

/// <summary>
/// One venue, one activation, so every change to a venue is one turn. The grain is a shell over the venue's rules
/// (<see cref="RequestRules"/>, <see cref="Lineup"/>, <see cref="RequestWorkflow"/>, <see cref="PlayerAuthority"/>,
/// <see cref="QuotaBook"/>): each call asks them, writes what they changed with its audit rows and events in one
/// transaction (<see cref="SaveAsync"/>), then replies. This file holds the venue's profile and paired players; the
/// queue, requests, player and allowances have a file each.
/// </summary>
[GrainType("venue")]
public sealed partial class VenueGrain([VersionedState("venue")] IVersionedState<VenueState> state, TimeProvider timeProvider, IRequestArchive requestArchive) : Grain, IVenueGrain
{
    private VenueState State
    {
        get => state.State;
        set
        {
            state.State = value;
            _turn = null;
        }
    }

    /// <summary>How often an active venue settles leftover payments and owed wallet calls, and looks for a silent player.</summary>
    private static readonly TimeSpan HousekeepingPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Events raised and requests changed in this turn, written by the turn's next write.</summary>
    private VenueTurn Turn => _turn ??= new VenueTurn(State);

    private VenueTurn? _turn;

    private bool Exists => State.CreatedAt != default;

    /// <summary>Finishes what a previous activation left midway (a paid request, a wallet call), then keeps at it.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => HousekeepAsync(SettleAfter), HousekeepingPeriod, HousekeepingPeriod);
        if (State.PendingPayments.Count > 0 || State.WalletOutbox.Count > 0 || State.KeyChangesOwed.Count > 0)
        {
            await HousekeepAsync(TimeSpan.Zero);
        }
    }

    private bool Live => Exists && State.DeletedAt is null;

    private Guid VenueId => this.GetPrimaryKey();

    public async Task<Outcome<VenueProfile>> Create(CreateVenue command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Exists)
        {
            return Live && State.CustomerId == command.CustomerId && State.Slug == command.Details.Slug
                ? Outcome.Ok(Profile())
                : Outcome.Refused<VenueProfile>(DomainErrors.VenueExists);
        }

        if (VenueRules.Check(command.Details, creating: true).Count > 0)
        {
            throw new ArgumentException("Invalid venue details; the API validates them first.", nameof(command));
        }

        var now = timeProvider.GetUtcNow();
        State = new VenueState
        {
            CustomerId = command.CustomerId,
            Slug = command.Details.Slug!,
            Name = command.Details.Name!.Trim(),
            Timezone = command.Details.Timezone!,
            Address = NullIfBlank(command.Details.Address),
            CreatedAt = now,
            UpdatedAt = now,
            RequestsOpenedAt = now,
        };
        return await SaveProfileAsync(command.Stamp, "venue.create", before: null);
    }

    public Task<VenueProfile?> GetProfile() => Task.FromResult(Live ? Profile() : null);

    public async Task<Outcome<VenueProfile>> Update(UpdateVenue command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<VenueProfile>(DomainErrors.VenueNotFound);
        }

        if (VenueRules.Check(command.Changes, creating: false).Count > 0)
        {
            throw new ArgumentException("Invalid venue details; the API validates them first.", nameof(command));
        }

        var before = Profile();
        State.Slug = command.Changes.Slug ?? State.Slug;
        State.Name = command.Changes.Name?.Trim() ?? State.Name;
        State.Timezone = command.Changes.Timezone ?? State.Timezone;
        State.Address = command.Changes.Address is null ? State.Address : NullIfBlank(command.Changes.Address);
        State.UpdatedAt = timeProvider.GetUtcNow();
        return await SaveProfileAsync(command.Stamp, "venue.update", before);
    }

    public async Task<Outcome<VenueProfile>> Delete(DeleteVenue command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<VenueProfile>(DomainErrors.VenueNotFound);
        }

        var deleted = Profile();
        var now = timeProvider.GetUtcNow();
        State.DeletedAt = now;
        Pairing.RevokeAll(now);

        Lineup.RemoveEverythingWaiting(now);
        Raise(VenueEvents.VenueState, new { deleted = true });
        await SaveAsync(rows =>
        {
            rows.Add(new VenueRetired(VenueId, now));
            Audit(rows, command.Stamp, "venue.delete", "venue", VenueId.ToString("D"), deleted, after: null);
        });
        await FlushWalletOutboxAsync();
        return Outcome.Ok(deleted);
    }

    public async Task<Outcome<PairingCodeIssued>> IssuePairingCode(IssuePairingCode command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<PairingCodeIssued>(DomainErrors.VenueNotFound);
        }

        var now = timeProvider.GetUtcNow();
        var expiresAt = now + PairingCode.Lifetime;
        string code;
        do
        {
            code = PairingCode.New();
        }
        while (!await GrainFactory.GetGrain<IPairingCodeGrain>(PairingCode.Hash(PairingCode.Normalize(code)!)).Issue(VenueId, expiresAt));

        Pairing.Issued(PairingCode.Hash(PairingCode.Normalize(code)!), expiresAt, now);
        await SaveAsync(rows =>
        {
            Audit(rows, command.Stamp, "player.pairing_code.issue", "venue", VenueId.ToString("D"), before: null, new { expiresAt });
        });
        return Outcome.Ok(new PairingCodeIssued(code, expiresAt));
    }

    public async Task<Outcome<PlayerDevice>> PairPlayer(PairPlayer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<PlayerDevice>(DomainErrors.PairingCodeInvalid);
        }

        var (paired, changed) = Pairing.Pair(command.CodeHash, command.DeviceId, timeProvider.GetUtcNow());
        if (changed)
        {
            await SaveAsync();
        }

        return paired;
    }

    public Task<PlayerDevice?> GetActivePlayer(Guid playerId) => Task.FromResult(Live ? Pairing.Active(playerId) : null);

    public Task<IReadOnlyList<PlayerDevice>> ListPlayers() => Task.FromResult(Live ? Pairing.All() : []);

    public async Task<Outcome<PlayerDevice>> RevokePlayer(RevokePlayer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Live)
        {
            return Outcome.Refused<PlayerDevice>(DomainErrors.PlayerNotFound);
        }

        var (revoked, before) = Pairing.Revoke(command.PlayerId, timeProvider.GetUtcNow());
        if (before is not null)
        {
            await SaveAsync(rows =>
            {
                Audit(rows, command.Stamp, "player.revoke", "player", command.PlayerId.ToString("D"), before, revoked.Value);
            });
        }

        return revoked;
    }

    private async Task<Outcome<VenueProfile>> SaveProfileAsync(AuditStamp stamp, string action, VenueProfile? before)
    {
        var after = Profile();
        try
        {
            await SaveAsync(rows =>
            {
                rows.Add(new VenueRow(
                    VenueId, State.CustomerId, State.Slug, State.Name, State.Timezone, State.Address, State.CreatedAt, State.UpdatedAt));
                Audit(rows, stamp, action, "venue", VenueId.ToString("D"), before, after);
            });
        }
        catch (UniqueRowConflictException ex) when (ex.ConstraintName == VenueRow.LiveSlugIndex)
        {
            // The write rolled back and this activation is being replaced, so its edited state goes with it.
            return Outcome.Refused<VenueProfile>(DomainErrors.SlugTaken);
        }

        return Outcome.Ok(after);
    }

    private void Raise(string type, object payload) => Turn.Raise(type, payload);

    /// <summary>Writes the state with the turn's events (and <paramref name="alsoWrite"/>'s rows) in one transaction.</summary>
    private Task SaveAsync(Action<List<ISideRow>>? alsoWrite = null)
    {
        new RequestWorkflow(State, Turn).AnnounceUpNext(timeProvider.GetUtcNow());
        var (events, changedRequests) = Turn.Take();
        return state.WriteAsync(rows =>
        {
            foreach (var entry in changedRequests)
            {
                ProjectRequest(rows, entry);
            }

            alsoWrite?.Invoke(rows);
            foreach (var raised in events)
            {
                rows.Add(new StreamEventRow(
                    VenueEvents.StreamIdFor(VenueId), raised.Seq, raised.Type, raised.PayloadJson, raised.Audience, raised.AudiencePayloadJson));
            }
        });
    }

    private async Task HousekeepAsync(TimeSpan settleOlderThan)
    {
        await SettlePendingPaymentsAsync(settleOlderThan);
        await FlushWalletOutboxAsync();
        await FlushKeyChangesOwedAsync();
        await AnnounceOfflinePlayerAsync();
    }

    private void Audit(List<ISideRow> rows, AuditStamp stamp, string action, string resourceType, string resourceId, object? before, object? after) =>
        rows.Add(new AuditRow(stamp, new AuditEntry(action, resourceType, resourceId, State.CustomerId, VenueId, before, after)));

    private VenueProfile Profile() =>
        new(VenueId, State.CustomerId, State.Slug, State.Name, State.Timezone, State.Address, State.CreatedAt, State.UpdatedAt);

    private PlayerPairing Pairing => new(State, VenueId);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
