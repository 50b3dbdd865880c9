using System.Net;
using System.Net.Http.Json;
using Singr.Silo.Cluster;
using Singr.Silo.Runtime;

namespace Singr.Silo.Forwarding;

/// <summary>Sends a grain call to another silo's internal endpoint, with the cluster secret and a timeout per hop.</summary>
internal sealed class SiloClient(HttpClient http, ClusterSecret secret, GrainCallCodec codec, ClusterOptions options)
{
    public const string InvokePath = "/internal/v1/grains/invoke";

    public async Task<GrainCallOutcome> ForwardAsync(
        SiloEndpoint target,
        GrainCall call,
        int hops,
        Guid? excludedSilo,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ForwardTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Address, InvokePath))
        {
            Content = JsonContent.Create(codec.Encode(call, hops, excludedSilo)),
        };
        request.Headers.Add(ClusterSecret.HeaderName, secret.Value);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new SiloUnreachableException(target, "no connection", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Silo {target.Address} did not answer a call to {call.GrainId} within {options.ForwardTimeout}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GrainTransientException(call.GrainId, "the connection to its silo broke during the call; it may or may not have run.", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new InvalidOperationException($"Silo {target.Address} refused the cluster secret: every process must share Singr:Cluster:Secret.");
            }

            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                throw new SiloUnreachableException(target, "it is not taking calls");
            }

            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<ForwardedGrainResponse>(timeout.Token)
                ?? throw new InvalidOperationException($"Silo {target.Address} sent an empty answer.");
            return body.Ok
                ? new GrainCallOutcome(codec.DecodeResult(call, body.Result), body.RanOn)
                : throw GrainCallCodec.DecodeError(call.GrainId, target, body.Error!);
        }
    }
}
