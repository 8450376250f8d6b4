using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Schema;

namespace Bot.Core.Tests.Schema;

public sealed class ActivityTests
{
    [Fact]
    public void RoundTrip_UnknownAndChannelProperties_SurviveUnchanged()
    {
        const string json = """
            {"type":"message","id":"1","channelId":"msteams","text":"hi","localTimezone":"Europe/London",
             "channelData":{"tenant":{"id":"t1"},"clientActivityID":"abc"},"attachmentLayout":"list",
             "from":{"id":"u1","name":"Pat","aadObjectId":"o1"},"value":{"reaction":"like"},"futureField":[1,{"a":true}]}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;
        var written = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Serialize_NullProperties_AreLeftOut()
    {
        var written = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Typing }, BotJson.Options);

        Assert.Equal("""{"type":"typing"}""", written);
    }
}
