using Bot.Knowledge.Semantic;
using Bot.Knowledge.Triage;

namespace Bot.Knowledge.Tests.Triage;

public sealed class TriageModelTests
{
    private static string Examples => Path.Combine(RepositoryPaths.Root, "tests", "Bot.Knowledge.Tests", "TestData", "Triage");

    [Fact]
    public void Shipped_TrainedOnTheExamplesInTheRepository_IsNotStale()
    {
        Assert.True(
            TriageExample.Hash(Examples) == TriageModel.Shipped.TrainedOn,
            "The triage examples changed since the model was trained: run `dotnet run --project src/Bot.Cli -c Release -- train-triage` and commit the model.");
    }

    [Fact]
    public void Shipped_BelongsToTheEmbedderTheServiceUses()
    {
        Assert.Equal(MiniLmEmbedder.Shared.ModelId, TriageModel.Shipped.ModelId);
    }

    [Fact]
    public void Examples_EveryLabelIsAKnownKind_AndEveryKindIsTaught()
    {
        var labels = TriageExample.ReadDirectory(Examples).Select(example => example.Label).ToHashSet();

        Assert.All(labels, label => Assert.Matches("^(emergency|safe|smalltalk):[a-z_]+$|^question$", label));
        Assert.Contains(labels, label => label == "emergency:self_harm");
        foreach (var intent in Enum.GetNames<SmallTalk>())
        {
            Assert.Contains(labels, label => label.Replace("_", string.Empty, StringComparison.Ordinal).Equals(TriageModel.SmallTalkPrefix + intent, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void WriteThenRead_RoundTrips_TheSameProbabilities()
    {
        var sut = TriageModel.Shipped;
        var vector = MiniLmEmbedder.Shared.Embed(["my legs feel weak"], EmbeddingKind.Query)[0];
        var features = TriageCues.Features(vector, "my legs feel weak");
        using var model = new MemoryStream();
        using var neighbours = new MemoryStream();

        sut.Write(model, neighbours);
        model.Position = neighbours.Position = 0;
        var copy = TriageModel.Read(model, neighbours);

        Assert.Equal(sut.Labels, copy.Labels);
        Assert.Equal(sut.Probabilities(features), copy.Probabilities(features));
        Assert.Equal(sut.EmergencyProbability(vector, sut.Probabilities(features)), copy.EmergencyProbability(vector, copy.Probabilities(features)), 6);
    }

    [Fact]
    public void Constructor_WeightsForAnotherNumberOfLabels_Throws()
    {
        Assert.Throws<InvalidDataException>(() => new TriageModel("m", ["a", "b"], [[1f]], [0f], [], "x", new TriageThresholds(0.5f, 0.5f)));
    }
}
