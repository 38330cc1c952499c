using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using Trinity.Actors.Serialization;

namespace Trinity.Host.Realtime;

/// <summary>
/// MessagePack carries the protocol's objects exactly as JSON does: maps with camelCase keys, enums as
/// lower-case strings, times as ISO strings. Every Trinity type (and JsonElement, used for arguments)
/// goes through its JSON form, so the two hub protocols can never drift apart.
/// </summary>
public static class MessagePackWire
{
    public static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(JsonShapeResolver.Instance, ContractlessStandardResolver.Instance))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    private sealed class JsonShapeResolver : IFormatterResolver
    {
        public static readonly JsonShapeResolver Instance = new();

        public IMessagePackFormatter<T>? GetFormatter<T>() =>
            typeof(T) == typeof(JsonElement) || typeof(T).Namespace?.StartsWith("Trinity.", StringComparison.Ordinal) == true
                ? JsonShapeFormatter<T>.Instance
                : null;
    }

    private sealed class JsonShapeFormatter<T> : IMessagePackFormatter<T>
    {
        public static readonly JsonShapeFormatter<T> Instance = new();

        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            if (value is PreparedEvent prepared) writer.WriteRaw(Prepared.GetValue(prepared, ToMessagePack));
            else Write(ref writer, value is JsonElement e ? e : JsonSerializer.SerializeToElement(value, TrinityJson.Options));
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer)) Read(ref reader, json, options.Security, depth: 0);
            var element = JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
            return element is T same ? same : element.Deserialize<T>(TrinityJson.Options)!;
        }
    }

    /// <summary>A prepared event's MessagePack form, made once for all the connections it goes to, kept as long as the event.</summary>
    private static readonly ConditionalWeakTable<PreparedEvent, byte[]> Prepared = new();

    private static byte[] ToMessagePack(PreparedEvent prepared)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        using (var json = JsonDocument.Parse(prepared.Json)) Write(ref writer, json.RootElement);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteMapHeader(element.EnumerateObject().Count());
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }
                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) Write(ref writer, item);
                break;
            case JsonValueKind.String: writer.Write(element.GetString()); break;
            case JsonValueKind.Number when element.TryGetInt64(out var whole): writer.Write(whole); break;
            case JsonValueKind.Number: writer.Write(element.GetDouble()); break;
            case JsonValueKind.True: writer.Write(true); break;
            case JsonValueKind.False: writer.Write(false); break;
            default: writer.WriteNil(); break;
        }
    }

    private const int MaxDepth = 32;

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter json, MessagePackSecurity security, int depth)
    {
        if (depth > MaxDepth) throw new MessagePackSerializationException("argument nested too deeply");
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil: reader.ReadNil(); json.WriteNullValue(); break;
            case MessagePackType.Boolean: json.WriteBooleanValue(reader.ReadBoolean()); break;
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64) json.WriteNumberValue(reader.ReadUInt64());
                else json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float: json.WriteNumberValue(reader.ReadDouble()); break;
            case MessagePackType.String: json.WriteStringValue(reader.ReadString()); break;
            case MessagePackType.Binary: json.WriteBase64StringValue(reader.ReadBytes()!.Value.ToArray()); break;
            case MessagePackType.Array:
                var count = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < count; i++) Read(ref reader, json, security, depth + 1);
                json.WriteEndArray();
                break;
            case MessagePackType.Map:
                var pairs = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < pairs; i++)
                {
                    json.WritePropertyName(reader.NextMessagePackType == MessagePackType.String
                        ? reader.ReadString()!
                        : throw new MessagePackSerializationException("map keys must be strings"));
                    Read(ref reader, json, security, depth + 1);
                }
                json.WriteEndObject();
                break;
            case MessagePackType.Extension:
                // Clients may send times as the timestamp extension; they mean the same ISO instant.
                var peek = reader.CreatePeekReader();
                var ext = peek.ReadExtensionFormatHeader();
                if (ext.TypeCode == ReservedMessagePackExtensionTypeCode.DateTime)
                    json.WriteStringValue(reader.ReadDateTime().ToUniversalTime());
                else
                    throw new MessagePackSerializationException($"unsupported MessagePack extension {ext.TypeCode}");
                break;
            default: throw new MessagePackSerializationException("unsupported MessagePack value");
        }
    }
}
