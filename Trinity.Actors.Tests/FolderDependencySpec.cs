using System.Reflection;
using System.Text.RegularExpressions;
using Trinity.Actors.Domain;

namespace Trinity.Actors.Tests;

/// <summary>
/// The folders (namespaces) of Trinity.Actors import each other in one direction only, and the domain sees
/// nothing of Akka or ASP.NET. Read from the sources: each file's <c>using</c>s and qualified names.
/// </summary>
public sealed partial class FolderDependencySpec
{
    private static readonly string Sources = Path.Combine(RepositoryRoot(), "Trinity.Actors");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Trinity.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Trinity.sln above {AppContext.BaseDirectory}");
    }

    private static readonly string[] Folders = Directory.GetDirectories(Sources).Select(Path.GetFileName)
        .Where(name => name is not ("bin" or "obj")).ToArray()!;

    /// <summary>Folder → the folders it imports, each with the files that do.</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> Imports()
    {
        var folders = string.Join('|', Folders);
        // "using Trinity.Actors.Catalog;", "Trinity.Actors.Catalog.Genres" or, inside Trinity.Actors, "Catalog.Genres"
        var qualified = new Regex($@"\bTrinity\.Actors\.({folders})\b|(?<![\w.])({folders})\.[A-Z]");
        var graph = Folders.ToDictionary(f => f, _ => new Dictionary<string, SortedSet<string>>());
        foreach (var file in Directory.EnumerateFiles(Sources, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Sources, file);
            var from = relative.Split(Path.DirectorySeparatorChar)[0];
            if (!graph.ContainsKey(from)) continue; // bin, obj
            var code = string.Join('\n', File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//")));
            foreach (Match m in qualified.Matches(code))
            {
                var to = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                if (to == from) continue;
                if (!graph[from].TryGetValue(to, out var files)) graph[from][to] = files = [];
                files.Add(relative);
            }
        }
        return graph;
    }

    [Fact]
    public void No_two_folders_import_each_other_even_through_others()
    {
        var graph = Imports();
        var loops = new List<string>();
        foreach (var (from, imports) in graph)
        foreach (var (to, files) in imports)
        {
            if (PathBetween(graph, to, from) is { } back)
                loops.Add($"{from} → {to} ({string.Join(", ", files.Take(3))}) and back: {string.Join(" → ", back)}");
        }
        Assert.True(loops.Count == 0, "import loops:\n" + string.Join('\n', loops));
    }

    /// <summary>A path of imports from one folder to another; null when there is none.</summary>
    private static List<string>? PathBetween(Dictionary<string, Dictionary<string, SortedSet<string>>> graph, string start, string goal)
    {
        var cameFrom = new Dictionary<string, string> { [start] = start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var at))
        {
            if (at == goal)
            {
                var path = new List<string> { at };
                while (at != start) path.Insert(0, at = cameFrom[at]);
                return path;
            }
            foreach (var next in graph[at].Keys.Where(n => cameFrom.TryAdd(n, at)))
                queue.Enqueue(next);
        }
        return null;
    }

    [Fact]
    public void The_domain_imports_only_the_protocol_and_the_base_library()
    {
        var imports = Imports()["Domain"];
        Assert.Equal(["Protocol"], imports.Keys.Order());
        var foreign = Directory.EnumerateFiles(Path.Combine(Sources, "Domain"), "*.cs")
            .SelectMany(file => File.ReadLines(file).Where(line => UsingOutsideBase().IsMatch(line)).Select(line => $"{Path.GetFileName(file)}: {line}"))
            .ToArray();
        Assert.True(foreign.Length == 0, string.Join('\n', foreign));
    }

    [Fact]
    public void No_domain_type_holds_or_takes_anything_of_Akka_or_ASP_NET()
    {
        var domainTypes = typeof(RoomState).Assembly.GetTypes().Where(t => t.Namespace == typeof(RoomState).Namespace);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offending = domainTypes.SelectMany(t =>
                t.GetFields(all).Select(f => (Where: $"{t.Name}.{f.Name}", Type: f.FieldType))
                    .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => (Where: $"{t.Name}.{m.Name}({p.Name})", Type: p.ParameterType))
                        .Append((Where: $"{t.Name}.{m.Name}", Type: m.ReturnType)))))
            .Where(x => Mentions(x.Type))
            .Select(x => $"{x.Where}: {x.Type}")
            .ToArray();
        Assert.True(offending.Length == 0, string.Join('\n', offending));
    }

    private static bool Mentions(Type type) =>
        type.Assembly.GetName().Name is { } assembly && (assembly.StartsWith("Akka") || assembly.StartsWith("Microsoft.AspNetCore"))
        || type.GetGenericArguments().Any(Mentions)
        || (type.HasElementType && Mentions(type.GetElementType()!));

    [GeneratedRegex(@"^using (?!System\b|Trinity\.Actors\.Protocol\b|static Trinity\.Actors\.Domain\b)")]
    private static partial Regex UsingOutsideBase();
}
