using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trinity.Actors.Serialization;

/// <summary>
/// The JSON shape of the protocol (camelCase, enums as lower-case strings, nulls written) shared by the
/// wire, the journal and messages between nodes, so that one set of records has one shape everywhere.
/// </summary>
public static class TrinityJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = false;
        return options;
    }
}
