using System.Globalization;
using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Interfaces.Wallets;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Grains.Wallets;

[GrainType("credit-wallet")]
public sealed class CreditWalletGrain([VersionedState("credit-wallet")] IVersionedState<WalletState> state, TimeProvider timeProvider) : Grain, ICreditWalletGrain
{
    private WalletState State
    {
        get => state.State;
        set => state.State = value;
    }

    /// <summary>How long a request id is remembered: far longer than any client or venue retries.</summary>
    public static readonly TimeSpan RememberChargesFor = TimeSpan.FromDays(7);

    private Guid UserId => this.GetPrimaryKey();

    private int Held => State.Charges.Values.Where(c => c.State == ChargeStates.Held).Sum(c => c.Amount);

    public Task<WalletBalance> GetBalance() => Task.FromResult(Balance());

    public async Task<Outcome<ChargeResult>> Charge(ChargeCredits command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(command.Amount);
        if (State.Charges.TryGetValue(command.RequestId, out var earlier))
        {
            if (earlier.State != ChargeStates.Cancelled)
            {
                return Outcome.Ok(new ChargeResult(command.RequestId, earlier.State, Balance()));
            }

            if (command.Attempt <= earlier.Attempt)
            {
                return Outcome.Refused<ChargeResult>(DomainErrors.InsufficientCredits);
            }
        }

        if (State.Balance - Held < command.Amount)
        {
            return Outcome.Refused<ChargeResult>(DomainErrors.InsufficientCredits);
        }

        var now = timeProvider.GetUtcNow();
        Prune(now);
        var charge = new ChargeRecord
        {
            State = command.Hold ? ChargeStates.Held : ChargeStates.Spent,
            Amount = command.Amount,
            VenueId = command.VenueId,
            Description = command.Description,
            At = now,
            Attempt = command.Attempt,
        };
        State.Charges[command.RequestId] = charge;
        if (command.Hold)
        {
            await state.WriteAsync();
        }
        else
        {
            await SpendAsync(command.RequestId, charge);
        }

        return Outcome.Ok(new ChargeResult(command.RequestId, charge.State, Balance()));
    }

    public Task<string> Resolve(Guid requestId) => Resolve(requestId, attempt: 1);

    public async Task<string> Resolve(Guid requestId, int attempt)
    {
        if (State.Charges.TryGetValue(requestId, out var charge)
            && (charge.State != ChargeStates.Cancelled || charge.Attempt >= attempt))
        {
            return charge.State;
        }

        State.Charges[requestId] = new ChargeRecord { State = ChargeStates.Cancelled, At = timeProvider.GetUtcNow(), Attempt = attempt };
        await state.WriteAsync();
        return ChargeStates.Cancelled;
    }

    public async Task<string> Capture(Guid requestId)
    {
        if (!State.Charges.TryGetValue(requestId, out var charge) || charge.State != ChargeStates.Held)
        {
            return charge?.State ?? ChargeStates.Cancelled;
        }

        charge.State = ChargeStates.Spent;
        await SpendAsync(requestId, charge);
        return charge.State;
    }

    public async Task<string> Release(Guid requestId)
    {
        if (!State.Charges.TryGetValue(requestId, out var charge) || charge.State != ChargeStates.Held)
        {
            return charge?.State ?? ChargeStates.Cancelled;
        }

        charge.State = ChargeStates.Released;
        await state.WriteAsync();
        return charge.State;
    }

    public async Task<Outcome<WalletBalance>> Adjust(AdjustCredits command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(command.Amount);
        if (command.Type is not (LedgerTypes.Earned or LedgerTypes.Added or LedgerTypes.Removed))
        {
            throw new ArgumentException("Adjustments are EARNED, ADDED or REMOVED; SPENT comes from requests.", nameof(command));
        }

        if (State.Adjustments.ContainsKey(command.OperationId))
        {
            return Outcome.Ok(Balance());
        }

        var delta = LedgerTypes.Sign(command.Type) * command.Amount;
        if (State.Balance - Held + delta < 0)
        {
            return Outcome.Refused<WalletBalance>(DomainErrors.CreditsBelowZero);
        }

        var now = timeProvider.GetUtcNow();
        Prune(now);
        var before = Balance();
        Apply(command.Type, command.Amount);
        State.Adjustments[command.OperationId] = now;
        var after = Balance();
        await state.WriteAsync(rows =>
        {
            AddLedgerRow(rows, command.Type, delta, command.VenueId, command.Reason, command.OperationId, command.Stamp.ActorId);
            rows.Add(new AuditRow(command.Stamp, new AuditEntry(
                $"credits.{command.Type.ToLowerInvariant()}", "wallet", UserId.ToString("D"), command.CustomerId, command.VenueId,
                new { before.Balance }, new { after.Balance, amount = delta, command.Reason })));
        });
        return Outcome.Ok(after);
    }

    public Task<PurchaseView> StartPurchase(StartPurchase command) => RecordPurchaseAsync(command, PurchaseStatuses.Pending);

    public async Task<PurchaseView> CompletePurchase(CompletePurchase command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var bought = command.Purchase;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bought.Credits);
        if (State.Purchases.TryGetValue(bought.SessionId, out var purchase) && purchase.Status == PurchaseStatuses.Completed)
        {
            return ViewOf(bought.SessionId, purchase);
        }

        var now = timeProvider.GetUtcNow();
        purchase ??= NewPurchase(bought, PurchaseStatuses.Pending);
        purchase.Status = PurchaseStatuses.Completed;
        purchase.CompletedAt = now;
        purchase.PaymentIntentId = command.PaymentIntentId;
        State.Purchases[bought.SessionId] = purchase;
        var before = State.Balance;
        Apply(LedgerTypes.Added, purchase.Credits);
        await state.WriteAsync(rows =>
        {
            AddLedgerRow(rows, LedgerTypes.Added, purchase.Credits, venueId: null, $"Bought {purchase.Package} ({purchase.Credits} credits)",
                PurchaseRecord.OperationIdOf(bought.SessionId), actorId: null);
            rows.Add(new PurchaseRow(bought.SessionId, UserId, purchase));
            rows.Add(PurchaseConfirmation(purchase, command.ReceiptEmail));
            rows.Add(new AuditRow(command.Stamp, new AuditEntry(
                "credits.purchased", "wallet", UserId.ToString("D"), null, null,
                new { balance = before },
                new { balance = State.Balance, amount = purchase.Credits, session = bought.SessionId, eventId = command.EventId, purchase.AmountCents, purchase.Currency })));
        });
        WalletMetrics.CreditsPurchased.Add(purchase.Credits);
        return ViewOf(bought.SessionId, purchase);
    }

    /// <summary>The buyer's receipt, queued with the credits: to the address given at checkout, else to the account.</summary>
    private OutboxMessageRow PurchaseConfirmation(PurchaseRecord purchase, string? receiptEmail)
    {
        var values = new Dictionary<string, string>
        {
            [MessageValues.Package] = purchase.Package,
            [MessageValues.Credits] = purchase.Credits.ToString(CultureInfo.InvariantCulture),
            [MessageValues.Amount] = (purchase.AmountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            [MessageValues.Currency] = purchase.Currency,
            [MessageValues.Balance] = State.Balance.ToString(CultureInfo.InvariantCulture),
        };
        return string.IsNullOrWhiteSpace(receiptEmail)
            ? Outbox.EmailToUser(UserId, MessageKinds.PurchaseConfirmation, values)
            : Outbox.EmailTo(receiptEmail, MessageKinds.PurchaseConfirmation, values, UserId);
    }

    public Task<PurchaseView> ExpirePurchase(StartPurchase purchase) => RecordPurchaseAsync(purchase, PurchaseStatuses.Expired);

    /// <summary>A purchase first heard of, or a pending one moving on; a completed one never changes again.</summary>
    private async Task<PurchaseView> RecordPurchaseAsync(StartPurchase purchase, string status)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        if (!State.Purchases.TryGetValue(purchase.SessionId, out var known))
        {
            known = NewPurchase(purchase, status);
            State.Purchases[purchase.SessionId] = known;
            await state.WriteAsync(rows => rows.Add(new PurchaseRow(purchase.SessionId, UserId, known)));
        }
        else if (known.Status == PurchaseStatuses.Pending && status != PurchaseStatuses.Pending)
        {
            known.Status = status;
            await state.WriteAsync(rows => rows.Add(new PurchaseRow(purchase.SessionId, UserId, known)));
        }

        return ViewOf(purchase.SessionId, known);
    }

    public async Task<Outcome<PurchaseRefunded>> RefundPurchase(RefundPurchase command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!State.Purchases.TryGetValue(command.SessionId, out var purchase))
        {
            return Outcome.Refused<PurchaseRefunded>(DomainErrors.PurchaseNotFound);
        }

        if (purchase.Status == PurchaseStatuses.Refunded)
        {
            return Outcome.Ok(Refunded(command.SessionId, purchase));
        }

        if (purchase.Status != PurchaseStatuses.Completed)
        {
            return Outcome.Refused<PurchaseRefunded>(DomainErrors.PurchaseNotRefundable);
        }

        var takenBack = Math.Min(purchase.Credits, Math.Max(0, State.Balance - Held));
        var before = State.Balance;
        purchase.Status = PurchaseStatuses.Refunded;
        purchase.RefundedAt = timeProvider.GetUtcNow();
        purchase.CreditsTakenBack = takenBack;
        if (takenBack > 0)
        {
            Apply(LedgerTypes.Removed, takenBack);
        }

        await state.WriteAsync(rows =>
        {
            if (takenBack > 0)
            {
                AddLedgerRow(rows, LedgerTypes.Removed, -takenBack, venueId: null, $"Refunded {purchase.Package}: {command.Reason}",
                    PurchaseRecord.OperationIdOf(command.SessionId), command.Stamp.ActorId);
            }

            rows.Add(new PurchaseRow(command.SessionId, UserId, purchase));
            rows.Add(new AuditRow(command.Stamp, new AuditEntry(
                "credits.refunded", "wallet", UserId.ToString("D"), null, null,
                new { balance = before },
                new { balance = State.Balance, session = command.SessionId, takenBack, alreadySpent = purchase.Credits - takenBack, command.Reason })));
        });
        return Outcome.Ok(Refunded(command.SessionId, purchase));
    }

    public async Task<Outcome<GuestCreditsMoved>> MoveGuestCredits(MoveGuestCredits command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (State.MovedToAccount is { } earlier)
        {
            return earlier.AccountId == command.AccountId
                ? Outcome.Ok(new GuestCreditsMoved(earlier.OperationId, earlier.AccountId, earlier.Credits, earlier.MovedAt))
                : Outcome.Refused<GuestCreditsMoved>(DomainErrors.GuestCreditsAlreadyMoved);
        }

        var move = new GuestMove
        {
            OperationId = Guid.NewGuid(),
            AccountId = command.AccountId,
            Credits = Math.Max(0, State.Balance - Held),
            MovedAt = timeProvider.GetUtcNow(),
        };
        var before = State.Balance;
        State.MovedToAccount = move;
        if (move.Credits > 0)
        {
            Apply(LedgerTypes.Removed, move.Credits);
        }

        await state.WriteAsync(rows =>
        {
            if (move.Credits > 0)
            {
                AddLedgerRow(rows, LedgerTypes.Removed, -move.Credits, venueId: null, "Moved to the patron's account", move.OperationId, command.AccountId);
            }

            rows.Add(new AuditRow(command.Stamp, new AuditEntry(
                "credits.guest_moved", "wallet", UserId.ToString("D"), null, null,
                new { balance = before }, new { balance = State.Balance, moved = move.Credits, to = command.AccountId })));
        });
        return Outcome.Ok(new GuestCreditsMoved(move.OperationId, move.AccountId, move.Credits, move.MovedAt));
    }

    private PurchaseRefunded Refunded(string sessionId, PurchaseRecord purchase)
    {
        var takenBack = purchase.CreditsTakenBack ?? 0;
        return new PurchaseRefunded(ViewOf(sessionId, purchase), takenBack, purchase.Credits - takenBack, Balance());
    }

    public Task<IReadOnlyList<PurchaseView>> ListPurchases() =>
        Task.FromResult<IReadOnlyList<PurchaseView>>([.. State.Purchases.OrderByDescending(p => p.Value.CreatedAt).Select(p => ViewOf(p.Key, p.Value))]);

    private PurchaseRecord NewPurchase(StartPurchase command, string status) => new()
    {
        Package = command.Package,
        Credits = command.Credits,
        AmountCents = command.AmountCents,
        Currency = command.Currency,
        Status = status,
        CreatedAt = timeProvider.GetUtcNow(),
    };

    private static PurchaseView ViewOf(string sessionId, PurchaseRecord purchase) =>
        new(sessionId, purchase.Package, purchase.Credits, purchase.AmountCents, purchase.Currency, purchase.Status, purchase.CreatedAt, purchase.CompletedAt,
            purchase.RefundedAt, purchase.CreditsTakenBack);

    private async Task SpendAsync(Guid requestId, ChargeRecord charge)
    {
        Apply(LedgerTypes.Spent, charge.Amount);
        await state.WriteAsync(rows =>
        {
            AddLedgerRow(rows, LedgerTypes.Spent, -charge.Amount, charge.VenueId, charge.Description, requestId, actorId: null);
        });
        WalletMetrics.CreditsSpent.Add(charge.Amount);
    }

    private void Apply(string type, int amount)
    {
        State.Balance += LedgerTypes.Sign(type) * amount;
        switch (type)
        {
            case LedgerTypes.Earned: State.TotalEarned += amount; break;
            case LedgerTypes.Added: State.TotalAdded += amount; break;
            case LedgerTypes.Spent: State.TotalSpent += amount; break;
            default: State.TotalRemoved += amount; break;
        }
    }

    private void AddLedgerRow(List<ISideRow> rows, string type, int amount, Guid? venueId, string description, Guid operationId, Guid? actorId) =>
        rows.Add(new LedgerRow(UserId, venueId, amount, type, description, operationId, actorId, State.Balance));

    /// <summary>Forgets settled charges and adjustments older than <see cref="RememberChargesFor"/>; holds stay until settled.</summary>
    private void Prune(DateTimeOffset now)
    {
        var horizon = now - RememberChargesFor;
        foreach (var old in State.Charges.Where(c => c.Value.At < horizon && c.Value.State != ChargeStates.Held).Select(c => c.Key).ToList())
        {
            State.Charges.Remove(old);
        }

        foreach (var old in State.Adjustments.Where(a => a.Value < horizon).Select(a => a.Key).ToList())
        {
            State.Adjustments.Remove(old);
        }
    }

    private WalletBalance Balance()
    {
        var held = Held;
        return new WalletBalance(UserId, State.Balance, held, State.Balance - held, State.TotalEarned, State.TotalAdded, State.TotalSpent, State.TotalRemoved);
    }
}
