using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Tests.Corpus;

public sealed class ExampleQuestionsTests
{
    [Fact]
    public void Without_PickedQuestions_LeavesTheOthersAndTheUnanswerable()
    {
        var passage = new Passage(0, "s", null, 0, 36, "Cachexia causes extreme weight loss.");
        var folder = Directory.CreateTempSubdirectory("examples-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, ExampleQuestions.FileName), """{"source": "s", "anchor": "Cachexia causes extreme weight loss.", "questions": ["what is cachexia", "why do cancer patients go skin and bone"]}""");
            File.WriteAllText(Path.Combine(folder.FullName, ExampleQuestions.UnanswerableFileName), """{"question": "what is cachexia"}""");
            var examples = ExampleQuestions.Load(folder.FullName);

            var sut = examples.Without(question => question == "what is cachexia");

            Assert.Equal(["why do cancer patients go skin and bone"], sut.For(passage));
            Assert.Equal(["what is cachexia"], sut.Unanswerable);
            Assert.Equal(2, examples.For(passage).Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
