using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Singr.Grains.Interfaces.Messaging;
using Singr.Silo.Messaging;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// An outbox worker of the product (store, templates, dispatcher) on a test database and a fake clock, with the
/// providers a test gives it; messages are queued as a grain's write would queue them.
/// </summary>
internal sealed class OutboxHarness
{
    public OutboxHarness(TestDatabase database, FakeTimeProvider clock, IEmailProvider email, ISmsProvider? sms = null, Action<MessagingOptions>? configure = null)
    {
        Database = database;
        Clock = clock;
        Options = new MessagingOptions { PublicBaseUrl = new Uri("http://singr.test/") };
        configure?.Invoke(Options);
        Store = new OutboxStore(database.DataSource);
        Dispatcher = NewWorker(email, sms);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public MessagingOptions Options { get; }

    public OutboxStore Store { get; }

    public OutboxDispatcher Dispatcher { get; }

    /// <summary>Another worker process on the same outbox (the one that takes over from a dead one).</summary>
    public OutboxDispatcher NewWorker(IEmailProvider email, ISmsProvider? sms = null) =>
        new(Store, new MessageTemplates(Microsoft.Extensions.Options.Options.Create(Options)), email, sms ?? new UnusedSmsProvider(),
            Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>A clock at the database's own now (the outbox's times are compared with the worker's clock).</summary>
    public static async Task<FakeTimeProvider> ClockAtDatabaseNowAsync(TestDatabase database) =>
        new(await database.ScalarAsync<DateTime>("SELECT now()") is var now ? new DateTimeOffset(now.ToUniversalTime(), TimeSpan.Zero) : default);

    public async Task<Guid> AddUserAsync(string email, string? phone = null, string preferences = "{}")
    {
        var id = Guid.NewGuid();
        await Database.ExecuteAsync(
            "INSERT INTO users (id, email, name, created_at, phone, notification_preferences) VALUES ($1, $2, 'Test User', now(), $3, $4::jsonb)",
            id, email, phone, preferences);
        return id;
    }

    public async Task<Guid> QueueAsync(
        string kind, Guid? userId = null, string? recipient = null, string channel = MessageChannels.Email, string? preference = null, string values = "{}")
    {
        var id = Guid.NewGuid();
        await Database.ExecuteAsync(
            """
            INSERT INTO outbox_messages (id, channel, kind, user_id, recipient, preference, template_values, created_at, next_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8)
            """,
            id, channel, kind, userId, recipient, preference, values, Clock.GetUtcNow());
        return id;
    }

    public Task<string> StatusOfAsync(Guid id) => Database.ScalarAsync<string>("SELECT status FROM outbox_messages WHERE id = $1", id);

    public Task<int> AttemptsOfAsync(Guid id) => Database.ScalarAsync<int>("SELECT attempts FROM outbox_messages WHERE id = $1", id);

    private sealed class UnusedSmsProvider : ISmsProvider
    {
        public Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This test sends no SMS.");
    }
}
