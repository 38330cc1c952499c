using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Trinity.Host.Cli;

/// <summary>How the CLI prints each admin API answer for people (<c>--json</c> prints the answer itself).</summary>
public static class CliViews
{
    public static void Cluster(IAnsiConsole output, JsonElement cluster)
    {
        var self = Text(cluster, "self");
        var leader = Text(cluster, "leader");
        output.Write(Columns(["address", "status", "reachable", "roles", "notes"],
            cluster.GetProperty("members").EnumerateArray().Select(m =>
            {
                var address = Text(m, "address");
                var notes = new[] { address == leader ? "leader" : null, address == self ? "self (answered)" : null }.OfType<string>();
                return (IReadOnlyList<IRenderable>)[Cell(address), Cell(Text(m, "status")),
                    m.GetProperty("reachable").GetBoolean() ? Cell("yes") : new Text("NO", new Style(Color.Red, decoration: Decoration.Bold)),
                    Cell(string.Join(',', m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()))), Cell(string.Join(", ", notes))];
            })));
        output.WriteLine();
        Shards(output, cluster);
    }

    public static void Shards(IAnsiConsole output, JsonElement cluster) =>
        output.Write(Columns(["node", "connections", "region", "shards", "entities"],
            cluster.GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty("regions").EnumerateArray().Select(r =>
                Cells(Text(n, "address"), Raw(n.GetProperty("connections")), Text(r, "region"), Number(r, "shards"), Number(r, "entities"))))));

    public static void Room(IAnsiConsole output, JsonElement room)
    {
        foreach (var field in new[] { "roomId", "node", "status", "seq", "lastEventAt", "memberCount", "onlineMembers", "connections" })
            output.WriteLine($"{field + ":",-15}{Raw(room.GetProperty(field))}");
        output.WriteLine();
        output.Write(Columns(["user", "name", "role", "status", "online", "votes"],
            room.GetProperty("members").EnumerateArray().Select(m => Cells(Text(m, "userId"), Text(m, "displayName"),
                Text(m, "role"), Text(m, "status"), m.GetProperty("online").GetBoolean() ? "yes" : "no", Number(m, "votesCast")))));
    }

    public static void Stats(IAnsiConsole output, JsonElement stats)
    {
        foreach (var field in new[] { "nodes", "totalConnections", "activeRooms", "uptime", "timestamp" })
            output.WriteLine($"{field + ":",-18}{Raw(stats.GetProperty(field))}");
        output.WriteLine();
        output.Write(Columns(["room", "members", "online", "connections"],
            stats.GetProperty("roomStats").EnumerateArray().Select(r => Cells(Text(r, "roomId"),
                Number(r, "memberCount"), Number(r, "onlineMembers"), Number(r, "connections")))));
    }

    public static void Accepted(IAnsiConsole output, JsonElement answer) =>
        output.WriteLine($"{Text(answer, "action")} requested for {Text(answer, "address")}; watch it with: trinity cluster show");

    public static void Broadcast(IAnsiConsole output, JsonElement message) =>
        output.WriteLine($"sent {Text(message, "type")} message: {Text(message, "message")}");

    /// <summary>Left-aligned columns under bold upper-case headers, no borders, as <c>kubectl get</c> prints them.</summary>
    private static Table Columns(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<IRenderable>> rows)
    {
        var table = new Table { Border = TableBorder.None };
        foreach (var header in headers)
            table.AddColumn(new TableColumn(new Text(header.ToUpperInvariant(), new Style(decoration: Decoration.Bold))) { Padding = new Padding(0, 0, 2, 0) });
        foreach (var row in rows) table.AddRow(row);
        return table;
    }

    /// <summary>Cells as plain text: what the node sends is never read as markup.</summary>
    private static IRenderable Cell(string text) => new Text(text);

    private static IReadOnlyList<IRenderable> Cells(params string[] texts) => texts.Select(Cell).ToArray();

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Number(JsonElement e, string name) => e.GetProperty(name).GetRawText();

    private static string Raw(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "-",
        _ => value.GetRawText(),
    };
}
