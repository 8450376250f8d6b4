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
    public void RoundTrip_UnknownPropertiesOfAccountsAndConversation_SurviveUnchanged()
    {
        const string json = """
            {"type":"message","from":{"id":"u1","role":"user","userPrincipalName":"pat@clinic.example","properties":{"x":1}},
             "recipient":{"id":"b1","name":"Bot","tenantSpecific":true},
             "conversation":{"id":"c1","isGroup":false,"conversationType":"personal","tenantId":"t1","role":"future","extra":[1,2]}}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;
        var written = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
        Assert.Equal("pat@clinic.example", activity.From!.Properties!["userPrincipalName"].GetString());
    }

    [Fact]
    public void Serialize_NullProperties_AreLeftOut()
    {
        var written = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Typing }, BotJson.Options);

        Assert.Equal("""{"type":"typing"}""", written);
    }
}
