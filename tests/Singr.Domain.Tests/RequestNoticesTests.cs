using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Messaging;
using Singr.Grains.Persistence;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

/// <summary>
/// Who hears of a request's moves (book requests' "standard notification"): the patron of an answer and a fulfilment,
/// the host who answered of the patron's reply; guests have no inbox, and nobody is told of their own act.
/// </summary>
public sealed class RequestNoticesTests
{
    private static readonly HostIdentity Kim = new(Guid.NewGuid(), "Kim");
    private static readonly HostIdentity Lee = new(Guid.NewGuid(), "Lee");
    private static readonly Guid Ann = Guid.NewGuid();

    private readonly VenueState _venue = Open(VenueSettings.Default with { ApprovalRequired = true });
    private readonly RequestWorkflow _workflow;

    public RequestNoticesTests() => _workflow = new RequestWorkflow(_venue, new VenueTurn(_venue));

    private QueueEntry AwaitingApproval(Guid? account, string title = "Jolene")
    {
        var entry = Entry(title, account is { } id ? $"user:{id:N}" : "guest:ann");
        entry.Status = QueueItemStatuses.Pending;
        entry.Approval = new ApprovalState { Status = ApprovalStatuses.Pending };
        entry.SubmittedByUserId = account;
        entry.SingerName = "Annie";
        _venue.AwaitingApproval.Add(entry);
        return entry;
    }

    [Fact]
    public void An_account_patron_hears_an_approval_or_a_rejection_with_the_hosts_message()
    {
        var approved = AwaitingApproval(Ann);
        var rejected = AwaitingApproval(Ann, "Not Tonight");

        _workflow.Respond(approved, ApprovalStatuses.Approved, " You're up at ten ", Kim, Evening);
        _workflow.Respond(rejected, ApprovalStatuses.Rejected, "Not tonight, sorry", Kim, Evening);

        Assert.Equal([new RequestNotice(Ann, NotificationKinds.RequestApproved, "You're up at ten")], RequestNotices.Answered(approved));
        Assert.Equal([new RequestNotice(Ann, NotificationKinds.RequestRejected, "Not tonight, sorry")], RequestNotices.Answered(rejected));
    }

    [Fact]
    public void An_answer_without_a_message_still_tells_the_patron_and_fulfilling_tells_them_it_was_sung()
    {
        var request = AwaitingApproval(Ann);
        _workflow.Respond(request, ApprovalStatuses.Approved, null, Kim, Evening);
        var answered = RequestNotices.Answered(request);
        _workflow.Fulfill(request, Evening);

        Assert.Equal([new RequestNotice(Ann, NotificationKinds.RequestApproved, null)], answered);
        Assert.Equal([new RequestNotice(Ann, NotificationKinds.RequestFulfilled, null)], RequestNotices.Fulfilled(request, Kim.UserId));
    }

    [Fact]
    public void A_guest_patron_has_no_inbox_and_is_told_nothing_here()
    {
        var request = AwaitingApproval(account: null);

        _workflow.Respond(request, ApprovalStatuses.Approved, "Sure", Kim, Evening);
        var answered = RequestNotices.Answered(request);
        _workflow.Fulfill(request, Evening);

        Assert.Empty(answered);
        Assert.Empty(RequestNotices.Fulfilled(request, Kim.UserId));
    }

    [Fact]
    public void The_patrons_reply_goes_to_the_host_who_answered()
    {
        var request = AwaitingApproval(Ann);
        _workflow.Accept(request, Lee, Evening, out _);
        _workflow.Respond(request, ApprovalStatuses.Approved, "Go for it", Lee, Evening);
        _workflow.Reply(request, request.PatronKey, "  Thanks!  ", Evening);
        // Where the host who claimed a request and the one who answered differ, the one who answered hears the reply.
        var handedOver = Entry("Handed over");
        handedOver.Approval = new ApprovalState { Status = ApprovalStatuses.Approved, AcceptedBy = Kim.UserId, RespondedBy = Lee.UserId, PatronReply = "Cheers" };

        Assert.Equal([new RequestNotice(Lee.UserId, NotificationKinds.RequestReplied, "Thanks!")], RequestNotices.Replied(request));
        Assert.Equal([new RequestNotice(Lee.UserId, NotificationKinds.RequestReplied, "Cheers")], RequestNotices.Replied(handedOver));
    }

    [Fact]
    public void A_guests_reply_still_reaches_the_host_and_a_reply_with_no_known_answerer_goes_to_the_host_who_claimed_it()
    {
        var byGuest = AwaitingApproval(account: null);
        _workflow.Respond(byGuest, ApprovalStatuses.Approved, null, Kim, Evening);
        _workflow.Reply(byGuest, byGuest.PatronKey, "On my way", Evening);
        var claimedOnly = Entry("Older row");
        claimedOnly.Approval = new ApprovalState { Status = ApprovalStatuses.Approved, AcceptedBy = Lee.UserId, PatronReply = "Hi" };

        Assert.Equal([new RequestNotice(Kim.UserId, NotificationKinds.RequestReplied, "On my way")], RequestNotices.Replied(byGuest));
        Assert.Equal([new RequestNotice(Lee.UserId, NotificationKinds.RequestReplied, "Hi")], RequestNotices.Replied(claimedOnly));
    }

    [Fact]
    public void Nobody_is_told_of_their_own_act_and_a_request_not_yet_answered_or_replied_tells_nobody()
    {
        var hostsOwn = AwaitingApproval(Kim.UserId);
        var unanswered = AwaitingApproval(Ann);
        _workflow.Respond(hostsOwn, ApprovalStatuses.Approved, null, Kim, Evening);
        var answeredOwn = RequestNotices.Answered(hostsOwn);
        _workflow.Reply(hostsOwn, hostsOwn.PatronKey, "Me again", Evening);

        Assert.Empty(answeredOwn);
        Assert.Empty(RequestNotices.Replied(hostsOwn));
        Assert.Empty(RequestNotices.Fulfilled(hostsOwn, Kim.UserId));
        Assert.Empty(RequestNotices.Answered(unanswered));
        Assert.Empty(RequestNotices.Replied(unanswered));
        Assert.Empty(RequestNotices.Fulfilled(unanswered, Kim.UserId));
    }

    [Fact]
    public void Each_notice_is_an_inbox_row_an_email_and_an_sms_under_the_kinds_preference_with_the_templates_values()
    {
        var request = AwaitingApproval(Ann, "Dancing Queen");
        _workflow.Respond(request, ApprovalStatuses.Rejected, "Too late tonight", Kim, Evening);
        var rows = new List<ISideRow>();

        RequestNotices.Write(rows, RequestNotices.Answered(request), Guid.Empty, "The Crown", request, Evening);

        var inbox = Assert.IsType<NotificationRow>(rows[0]);
        Assert.Equal(
            (Ann, NotificationKinds.RequestRejected, "The Crown", request.Id, "Dancing Queen", "The Band", "Annie", "Too late tonight", Evening),
            (inbox.UserId, inbox.Kind, inbox.VenueName, inbox.RequestId, inbox.Title, inbox.Artist, inbox.SingerName, inbox.Message, inbox.CreatedAt));
        var messages = rows.Skip(1).Cast<OutboxMessageRow>().ToList();
        Assert.Equal([MessageChannels.Email, MessageChannels.Sms], messages.Select(m => m.Channel).ToList());
        Assert.All(messages, m =>
        {
            Assert.Equal((MessageKinds.RequestNotification, Ann, NotificationKinds.RequestRejected, (string?)null), (m.Kind, m.UserId!.Value, m.Preference!, m.Recipient));
            Assert.Equal(NotificationKinds.RequestRejected, m.Values[MessageValues.Notification]);
            Assert.Equal("The Crown", m.Values[MessageValues.VenueName]);
            Assert.Equal("Dancing Queen", m.Values[MessageValues.Title]);
            Assert.Equal("The Band", m.Values[MessageValues.Artist]);
            Assert.Equal("Annie", m.Values[MessageValues.SingerName]);
            Assert.Equal("Too late tonight", m.Values[MessageValues.Message]);
        });
        Assert.NotEqual(messages[0].MessageId, messages[1].MessageId);
    }
}
