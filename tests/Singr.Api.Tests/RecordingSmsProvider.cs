using System.Collections.Concurrent;
using Singr.Silo.Messaging;

namespace Singr.Api.Tests;

internal sealed class RecordingSmsProvider : ISmsProvider
{
    public ConcurrentQueue<OutgoingSms> Sent { get; } = new();

    public Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        Sent.Enqueue(sms);
        return Task.FromResult<string?>($"SM{sms.MessageId:N}");
    }
}
