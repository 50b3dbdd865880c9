using System.Text;
using MimeKit;
using netDumbster.smtp;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>An SMTP server in the test process (netDumbster): what the SMTP provider delivered, parsed with MimeKit.</summary>
internal sealed class LocalSmtpServer : IDisposable
{
    private readonly SimpleSmtpServer _server = SimpleSmtpServer.Start(FreePorts.Next());

    public int Port => _server.Configuration.Port;

    public IReadOnlyList<MimeMessage> Received =>
        [.. _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];

    /// <summary>Waits until <paramref name="count"/> emails arrived (delivery is asynchronous) or the timeout passes.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_server.ReceivedEmailCount < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return Received;
    }

    public void Dispose() => _server.Dispose();
}
