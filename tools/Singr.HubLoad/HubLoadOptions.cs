using System.Globalization;

namespace Singr.HubLoad;

/// <summary>One run, from the command line: <c>--connections 1000 --others 100 --rate 10 --seconds 30</c>.</summary>
internal sealed record HubLoadOptions(int Connections, int Others, int Rate, int Seconds)
{
    public const string Usage = "usage: Singr.HubLoad [--connections 1000] [--others 100] [--rate 10] [--seconds 30]";

    public static HubLoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HubLoadOptions(Connections: 1000, Others: 100, Rate: 10, Seconds: 30);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--connections" => options with { Connections = Number(args, ++i, minimum: 1) },
                "--others" => options with { Others = Number(args, ++i, minimum: 0) },
                "--rate" => options with { Rate = Number(args, ++i, minimum: 1) },
                "--seconds" => options with { Seconds = Number(args, ++i, minimum: 1) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        return options;
    }

    private static int Number(IReadOnlyList<string> args, int index, int minimum)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"'{args[index - 1]}' needs a whole number of at least {minimum}");
        }

        return value;
    }
}
