using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class RequestWorkflowTests
{
    private static readonly HostIdentity Kim = new(Guid.NewGuid(), "Kim");
    private static readonly HostIdentity Lee = new(Guid.NewGuid(), "Lee");

    private readonly VenueState _venue = Open(VenueSettings.Default with { ApprovalRequired = true });
    private readonly RequestWorkflow _workflow;

    public RequestWorkflowTests() => _workflow = new RequestWorkflow(_venue, new VenueTurn(_venue));

    private QueueEntry AwaitingApproval(string title, string patron = "user:ann", bool held = false)
    {
        var entry = Entry(title, patron);
        entry.Status = QueueItemStatuses.Pending;
        entry.Approval = new ApprovalState { Status = ApprovalStatuses.Pending };
        entry.CreditsHeld = held;
        entry.SubmittedByUserId = held ? Guid.NewGuid() : null;
        _venue.AwaitingApproval.Add(entry);
        return entry;
    }

    [Fact]
    public void A_host_who_claimed_a_request_answers_it_and_another_host_cannot()
    {
        var request = AwaitingApproval("Jolene");

        Assert.Null(_workflow.Accept(request, Kim, Evening, out var claimed));
        Assert.Null(_workflow.Accept(request, Kim, Evening, out var claimedAgain));
        Assert.Equal(DomainErrors.RequestAlreadyAccepted, _workflow.Accept(request, Lee, Evening, out _));
        Assert.Equal(DomainErrors.RequestAlreadyAccepted, _workflow.Respond(request, ApprovalStatuses.Approved, null, Lee, Evening));
        Assert.Null(_workflow.Respond(request, ApprovalStatuses.Approved, "  Up soon!  ", Kim, Evening));

        Assert.True(claimed);
        Assert.False(claimedAgain);
        Assert.Equal((ApprovalStatuses.Approved, "Up soon!", "Kim"), (request.Approval!.Status, request.Approval.ResponseMessage, request.Approval.RespondedByName));
    }

    [Fact]
    public void An_approved_request_joins_the_queue_by_the_priority_rules_and_spends_what_it_held_in_an_on_request_venue()
    {
        _venue.Settings = _venue.Settings with { Mode = RequestModes.Hybrid, ChargeAt = ChargeTimings.OnRequest };
        Queue(_venue, "Free one");
        var priority = AwaitingApproval("Paid ahead", held: true);
        priority.Priority = true;

        _workflow.Respond(priority, ApprovalStatuses.Approved, null, Kim, Evening);

        Assert.Equal(["Paid ahead", "Free one"], _venue.Queue.Select(e => e.Title).ToList());
        Assert.Empty(_venue.AwaitingApproval);
        Assert.Equal(QueueItemStatuses.Queued, priority.Status);
        Assert.Equal([(priority.RequestId, true)], _venue.WalletOutbox.Select(a => (a.RequestId, a.Capture)).ToList());
    }

    [Fact]
    public void An_approved_request_in_an_on_play_venue_keeps_its_credits_held_until_it_plays()
    {
        _venue.Settings = _venue.Settings with { ChargeAt = ChargeTimings.OnPlay };
        var request = AwaitingApproval("Held", held: true);

        _workflow.Respond(request, ApprovalStatuses.Approved, null, Kim, Evening);

        Assert.True(request.CreditsHeld);
        Assert.Empty(_venue.WalletOutbox);
    }

    [Fact]
    public void A_rejected_request_ends_gives_its_allowance_back_and_owes_its_held_credits_back()
    {
        var book = new QuotaBook(_venue);
        book.SetTiers([new QuotaTier("Regular", 3, QuotaPeriods.Night)], "Regular");
        var request = AwaitingApproval("Rejected", held: true);
        request.CountsInQuota = true;
        book.Count(request, Evening);

        Assert.Null(_workflow.Respond(request, ApprovalStatuses.Rejected, "Not tonight", Kim, Evening));

        Assert.Equal(QueueItemStatuses.Rejected, request.Status);
        Assert.Empty(_venue.Queue);
        Assert.Equal(0, book.QuotaOf("user:ann", null, Evening).RequestsUsed);
        Assert.Equal([(request.RequestId, false)], _venue.WalletOutbox.Select(a => (a.RequestId, a.Capture)).ToList());
        Assert.Equal(DomainErrors.RequestStatusConflict, _workflow.Respond(request, ApprovalStatuses.Approved, null, Kim, Evening));
    }

    [Fact]
    public void Fulfilling_an_approved_request_still_queued_takes_it_out_as_played_and_only_approved_ones_can_be_fulfilled()
    {
        var pending = AwaitingApproval("Still pending");
        var request = AwaitingApproval("Sung");
        _workflow.Respond(request, ApprovalStatuses.Approved, null, Kim, Evening);

        Assert.Equal(DomainErrors.RequestStatusConflict, _workflow.Fulfill(pending, Evening));
        Assert.Null(_workflow.Fulfill(request, Evening.AddMinutes(5)));

        Assert.Equal((QueueItemStatuses.Played, ApprovalStatuses.Fulfilled), (request.Status, request.Approval!.Status));
        Assert.Empty(_venue.Queue);
    }

    [Fact]
    public void Only_the_patron_who_made_an_answered_request_replies_and_only_once()
    {
        var request = AwaitingApproval("Thanks");

        Assert.Equal(DomainErrors.RequestStatusConflict, _workflow.Reply(request, "user:ann", "Too soon", Evening));
        _workflow.Respond(request, ApprovalStatuses.Approved, null, Kim, Evening);
        Assert.Equal(DomainErrors.RequestNotFound, _workflow.Reply(request, "user:bob", "Not mine", Evening));
        Assert.Null(_workflow.Reply(request, "user:ann", "  Thank you!  ", Evening));
        Assert.Equal(DomainErrors.ReplyAlreadySent, _workflow.Reply(request, "user:ann", "Again", Evening));

        Assert.Equal("Thank you!", request.Approval!.PatronReply);
    }

    [Fact]
    public void The_request_playing_cannot_be_deleted_and_an_unanswered_one_leaves_the_approvals_as_removed()
    {
        var playing = Entry("Playing");
        _venue.NowPlaying = playing;
        var unanswered = AwaitingApproval("Unanswered");

        Assert.Equal(DomainErrors.RequestPlaying, _workflow.Delete(playing, Evening));
        Assert.Null(_workflow.Delete(unanswered, Evening));

        Assert.Same(playing, _venue.NowPlaying);
        Assert.Empty(_venue.AwaitingApproval);
        Assert.Equal(QueueItemStatuses.Removed, unanswered.Status);
    }

    [Fact]
    public void Marking_requests_processed_changes_only_those_not_already_so()
    {
        var done = Queue(_venue, "Done");
        done.Processed = true;
        var open = Queue(_venue, "Open");

        var changed = _workflow.SetProcessed([done, open], processed: true, Evening);

        Assert.Equal([open], changed);
        Assert.Equal(Evening, open.ProcessedAt);
    }
}
