using Singr.Api.Access;
using Singr.Api.Http;

namespace Singr.Api.Auth;

/// <param name="VenueId">The venue's slug.</param>
/// <param name="DeviceId">The kiosk's or phone's own name for itself, 8 to 64 characters.</param>
/// <param name="DeviceKey">
/// The secret the device was given with its first guest session (<see cref="GuestSession.DeviceKey"/>): with it, the
/// same device is the same guest again. Without it the device starts as a new guest, so knowing a kiosk's device id
/// is not enough to act as its guest.
/// </param>
public sealed record GuestRequest(string? VenueId, string? DeviceId, string? DeviceKey = null)
{
    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check()
    {
        var problems = new List<ApiErrorDetail>();
        if (string.IsNullOrWhiteSpace(VenueId))
        {
            problems.Add(new("venueId", "The venue is required."));
        }

        if (!DeviceIds.IsValid(DeviceId))
        {
            problems.Add(new("deviceId", DeviceIds.Rule));
        }

        if (DeviceKey is not null && !DeviceKeys.IsValid(DeviceKey))
        {
            problems.Add(new("deviceKey", DeviceKeys.Rule));
        }

        return problems;
    }
}
