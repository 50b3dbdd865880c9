using Singr.Api.Http;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Api.Requests;

/// <summary>A host's answer to a request awaiting approval.</summary>
/// <param name="Status">approved or rejected.</param>
/// <param name="Message">Shown to the patron with the answer; at most 500 characters.</param>
public sealed record RespondBody(string? Status, string? Message)
{
    /// <summary>The message as the patron is shown it: trimmed, none when blank.</summary>
    public string? MessageToPatron => string.IsNullOrWhiteSpace(Message) ? null : Message.Trim();

    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check()
    {
        var problems = new List<ApiErrorDetail>();
        if (Status is null || !ApprovalStatuses.Responses.Contains(Status))
        {
            problems.Add(new ApiErrorDetail("status", $"One of {string.Join(", ", ApprovalStatuses.Responses)}."));
        }

        if (MessageToPatron?.Length > RespondToRequest.MaxMessageLength)
        {
            problems.Add(new ApiErrorDetail("message", $"At most {RespondToRequest.MaxMessageLength} characters."));
        }

        return problems;
    }
}
