using System.Collections.Frozen;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Serialization;

/// <summary>
/// Serializer for every <see cref="ITrinityMessage"/>: between nodes and in the journal. The manifest is
/// the type's short name, so renaming a namespace never breaks a stored event; renaming a type does,
/// and the round-trip tests pin every name.
/// </summary>
public sealed class TrinitySerializer : SerializerWithStringManifest
{
    public const int Id = 7401;
    /// <summary>The name its bindings refer to in Akka's configuration.</summary>
    public const string Name = "trinity";
    /// <summary>What it serializes: every Trinity message (bound in code by <c>TrinityAkkaExtensions.AddTrinity</c>).</summary>
    public static readonly Type[] BoundTypes = [typeof(ITrinityMessage)];

    private static readonly FrozenDictionary<string, Type> TypesByManifest = typeof(ITrinityMessage).Assembly.GetTypes()
        .Where(t => typeof(ITrinityMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .ToFrozenDictionary(t => t.Name);

    private readonly JsonSerializerOptions _options;

    public TrinitySerializer(ExtendedActorSystem system) : base(system)
    {
        _options = TrinityJson.Configure(new JsonSerializerOptions());
        _options.Converters.Add(new ActorRefConverter(system));
    }

    public override int Identifier => Id;

    public static IEnumerable<Type> MessageTypes => TypesByManifest.Values;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        TypesByManifest.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, _options)!
            : throw new System.Runtime.Serialization.SerializationException($"Unknown Trinity message manifest '{manifest}'.");
}
