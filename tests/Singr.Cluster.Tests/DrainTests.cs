using System.Globalization;
using Singr.Testing;
using Xunit.Abstractions;

namespace Singr.Cluster.Tests;

/// <summary>
/// Three <c>Singr.Silo</c> processes behind one <c>Singr.Api</c> front end while sixteen patrons post paid requests;
/// the silo hosting the most venues gets SIGTERM, as Kubernetes sends a pod it scales down or moves.
/// </summary>
public sealed class DrainTests(ITestOutputHelper output) : DatabaseTest
{
    [Fact]
    public async Task A_silo_stopped_with_sigterm_under_paid_load_loses_no_request_charges_none_twice_and_its_venues_move_to_the_other_silos()
    {
        await using var paid = await PaidLoadCluster.StartAsync(Database, output);
        var (cluster, load, observer) = (paid.Cluster, paid.Load, paid.Observer);
        try
        {
            var venuesBySilo = await observer.ActivationsBySiloPortAsync("venue");
            var leaving = cluster.SiloOnPort(venuesBySilo.MaxBy(s => s.Value).Key);
            var leavingVenues = venuesBySilo[leaving.SiloPort];
            output.WriteLine($"stopping {cluster.Name(leaving)} with SIGTERM: it hosts {leavingVenues} of {PaidLoadCluster.VenueCount} venues");

            var signalledAt = load.Now;
            leaving.Signal("TERM");
            await leaving.WaitForExitAsync(TimeSpan.FromSeconds(90));
            var exitedAt = load.Now;
            var duringDrain = load.AcknowledgedSince(signalledAt);
            await Eventually.TrueAsync(
                () => load.FirstSuccessesAfter(exitedAt) is { SlowestVenue: not null, SlowestClient: not null } && load.AcknowledgedSince(exitedAt) >= 100,
                TimeSpan.FromSeconds(60),
                "every venue and every patron has requests acknowledged after the silo left");
            await load.StopAsync();
            paid.Phase("load stopped (every request under way answered)");

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SIGTERM: the silo drained and exited (code {leaving.ExitCode}) in {(exitedAt - signalledAt) / 1000.0:0.0} s, while {duringDrain} requests were acknowledged"));
            output.WriteLine($"requests: {load.AcknowledgedRequests.Count} acknowledged (201), {load.Attempts} attempts");
            output.WriteLine($"failed attempts: {PaidRequestLoad.Tally(load.FailedAttempts.Select(f => f.Kind))}");
            output.WriteLine($"refused: {PaidRequestLoad.Tally(load.RefusedRequests.Select(r => r.Kind))}");
            foreach (var failure in load.FailedAttempts.Take(10))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  failed: {failure.Kind} at {(failure.At - signalledAt) / 1000.0:0.00} s after SIGTERM (venue {failure.Venue}, client {failure.Client})"));
            }

            var frontEndExceptions = cluster.FrontEndExceptions();
            var resent = cluster.FrontEnd.OutputLines.Count(l => l.Contains("sending it again", StringComparison.Ordinal));
            output.WriteLine($"calls the front end sent again because the leaving silo did not answer them: {resent}");
            var venuesAfter = await observer.ActivationsBySiloPortAsync("venue");
            var notDurable = await PaidRequestLedger.AcknowledgedButNotQueuedAndPaidOnceAsync(Database, load.AcknowledgedRequests);
            var (expectedBalances, balances) = await paid.BalancesAsync();

            Assert.InRange(leavingVenues, 1, PaidLoadCluster.VenueCount);
            Assert.Equal(0, leaving.ExitCode);
            // Every request a patron made was acknowledged: none refused, none given up.
            Assert.Empty(load.RefusedRequests);
            // No attempt fails while a silo drains: calls the leaving silo rejects or loses are sent again by the cluster.
            Assert.Empty(load.FailedAttempts);
            Assert.Empty(frontEndExceptions);
            Assert.Equal(PaidLoadCluster.Dead, await Database.ScalarAsync<int>(
                "SELECT status FROM orleans_membership WHERE port = $1 ORDER BY generation DESC LIMIT 1", leaving.SiloPort));
            Assert.DoesNotContain(leaving.SiloPort, venuesAfter.Keys);
            Assert.Equal(PaidLoadCluster.VenueCount, venuesAfter.Values.Sum());
            Assert.Empty(notDurable);
            Assert.Empty(await PaidRequestLedger.ChargedTwiceAsync(Database));
            Assert.Empty(await PaidRequestLedger.ChargedWithoutQueuedOrQueuedUnpaidAsync(Database));
            Assert.Equal(load.AcknowledgedRequests.Count, await PaidRequestLedger.CountAsync(Database, "credit_transactions", "transaction_type = 'SPENT'"));
            Assert.Equal(expectedBalances, balances);
        }
        catch
        {
            cluster.WriteOutput(output, 25);
            throw;
        }
    }
}
