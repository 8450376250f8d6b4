using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>
/// Compile-time JSON metadata for the wire types, so reading and writing activities needs no reflection. Metadata
/// only: the generated fast path would resolve an entity's runtime type against this context alone.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 32, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
internal sealed partial class BotJsonContext : JsonSerializerContext;
