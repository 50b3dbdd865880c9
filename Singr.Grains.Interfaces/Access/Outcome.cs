namespace Singr.Grains.Interfaces.Access;

public static class Outcome
{
    public static Outcome<T> Ok<T>(T value) => new(value, null);

    public static Outcome<T> Refused<T>(string error) => new(default, error);
}
