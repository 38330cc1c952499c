using System.Text.Json;

namespace Trinity.Host.Cli;

/// <summary>How the CLI prints each admin API answer for people (<c>--json</c> prints the answer itself).</summary>
public static class CliViews
{
    public static void Cluster(TextWriter output, JsonElement cluster)
    {
        var self = Text(cluster, "self");
        var leader = Text(cluster, "leader");
        TextTable.Write(output, ["address", "status", "reachable", "roles", "notes"],
            cluster.GetProperty("members").EnumerateArray().Select(m =>
            {
                var address = Text(m, "address");
                var notes = new[] { address == leader ? "leader" : null, address == self ? "self (answered)" : null }.OfType<string>();
                return (IReadOnlyList<string>)[address, Text(m, "status"), m.GetProperty("reachable").GetBoolean() ? "yes" : "NO",
                    string.Join(',', m.GetProperty("roles").EnumerateArray().Select(r => r.GetString())), string.Join(", ", notes)];
            }));
        output.WriteLine();
        Shards(output, cluster);
    }

    public static void Shards(TextWriter output, JsonElement cluster) =>
        TextTable.Write(output, ["node", "connections", "region", "shards", "entities"],
            cluster.GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty("regions").EnumerateArray().Select(r =>
                (IReadOnlyList<string>)[Text(n, "address"), Raw(n.GetProperty("connections")), Text(r, "region"),
                    Number(r, "shards"), Number(r, "entities")])));

    public static void Room(TextWriter output, JsonElement room)
    {
        foreach (var field in new[] { "roomId", "node", "status", "seq", "lastEventAt", "memberCount", "onlineMembers", "connections" })
            output.WriteLine($"{field + ":",-15}{Raw(room.GetProperty(field))}");
        output.WriteLine();
        TextTable.Write(output, ["user", "name", "role", "status", "online", "votes"],
            room.GetProperty("members").EnumerateArray().Select(m => (IReadOnlyList<string>)[Text(m, "userId"), Text(m, "displayName"),
                Text(m, "role"), Text(m, "status"), m.GetProperty("online").GetBoolean() ? "yes" : "no", Number(m, "votesCast")]));
    }

    public static void Stats(TextWriter output, JsonElement stats)
    {
        foreach (var field in new[] { "nodes", "totalConnections", "activeRooms", "uptime", "timestamp" })
            output.WriteLine($"{field + ":",-18}{Raw(stats.GetProperty(field))}");
        output.WriteLine();
        TextTable.Write(output, ["room", "members", "online", "connections"],
            stats.GetProperty("roomStats").EnumerateArray().Select(r => (IReadOnlyList<string>)[Text(r, "roomId"),
                Number(r, "memberCount"), Number(r, "onlineMembers"), Number(r, "connections")]));
    }

    public static void Accepted(TextWriter output, JsonElement answer) =>
        output.WriteLine($"{Text(answer, "action")} requested for {Text(answer, "address")}; watch it with: trinity cluster show");

    public static void Broadcast(TextWriter output, JsonElement message) =>
        output.WriteLine($"sent {Text(message, "type")} message: {Text(message, "message")}");

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
