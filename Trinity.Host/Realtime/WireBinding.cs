using System.Text.Json;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Host.Realtime;

/// <summary>
/// Binds a raw argument or body to its request record, so that a wrong type, a bad enum value or a
/// missing object is a VALIDATION_FAILED naming the field, the same for the hub (JSON and MessagePack) and REST.
/// </summary>
public static class WireBinding
{
    public static T Bind<T>(JsonElement? element, string argument = "request")
    {
        if (element is not { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } value)
            throw TrinityException.Validation(argument, "is required");
        if (value.ValueKind != JsonValueKind.Object)
            throw TrinityException.Validation(argument, "must be an object");
        try
        {
            return value.Deserialize<T>(TrinityJson.Options) ?? throw TrinityException.Validation(argument, "is required");
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.');
            throw TrinityException.Validation(string.IsNullOrEmpty(field) ? argument : field, "has the wrong type or value");
        }
    }
}
