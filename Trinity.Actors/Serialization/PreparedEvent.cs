using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Serialization;

/// <summary>
/// A client event as pushed to connections: serialised to JSON once, on its first push, and the same bytes
/// written for every connection it is handed to (a room relay hands one to all of its node's connections).
/// Local only: it never crosses nodes.
/// </summary>
[JsonConverter(typeof(PreparedEventConverter))]
public sealed class PreparedEvent(IClientEvent clientEvent) : INoSerializationVerificationNeeded
{
    private byte[]? _json;

    public IClientEvent Event { get; } = clientEvent;

    public string EventName => Event.EventName;

    /// <summary>Two pushes racing to serialise it both produce the same bytes; either may be kept.</summary>
    public byte[] Json => _json ??= JsonSerializer.SerializeToUtf8Bytes(Event, Event.GetType(), TrinityJson.Options);
}

/// <summary>Writes a <see cref="PreparedEvent"/>'s bytes as they are; clients never send one.</summary>
public sealed class PreparedEventConverter : JsonConverter<PreparedEvent>
{
    public override PreparedEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("a prepared event is only written");

    public override void Write(Utf8JsonWriter writer, PreparedEvent value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
