namespace Singr.Api.Requests;

public sealed record TopSong(string? Artist, string Title, int Requests);
