namespace Singr.Api.Access;

public enum CallerKind
{
    /// <summary>A registered user (a host, a singer, platform staff), possibly impersonated by a developer.</summary>
    Account,

    /// <summary>A kiosk or phone session bound to one venue and one device.</summary>
    Guest,

    /// <summary>A paired player device of one venue.</summary>
    Player,
}
