using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Core.Schema;

/// <summary>The JSON settings of the Bot Framework wire format: camelCase names, nulls left out.</summary>
public static class BotJson
{
    /// <summary>The shared options: generated metadata for the wire types, reflection for the rest (the bot's own entities).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 32,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(BotJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}
