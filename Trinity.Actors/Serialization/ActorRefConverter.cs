using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace Trinity.Actors.Serialization;

/// <summary>Writes an actor reference as its full remote path and resolves it back on the receiving node.</summary>
internal sealed class ActorRefConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override bool CanConvert(Type typeToConvert) => typeof(IActorRef).IsAssignableFrom(typeToConvert);

    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        system.Provider.ResolveActorRef(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
}
