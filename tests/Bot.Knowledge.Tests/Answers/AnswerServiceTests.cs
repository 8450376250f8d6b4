using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Triage;

namespace Bot.Knowledge.Tests.Answers;

public sealed class AnswerServiceTests
{
    private static AnswerService Sut => SharedKnowledgeBase.Instance.Answers;

    [Theory]
    [InlineData("I think my dad is having a stroke")]
    [InlineData("his face is drooping and his speech is slurred")]
    [InlineData("my wife cannot breathe")]
    [InlineData("I have chest pain and sweating")]
    [InlineData("sudden weakness in my legs and I lost control of my bladder")]
    [InlineData("I want to kill myself")]
    [InlineData("i’ve been thinking about suicide")]
    [InlineData("muscle wasting and now I'm short of breath")]
    public void Ask_RedFlag_GivesEmergencyGuidanceWithoutCorpusText(string message)
    {
        var answer = Sut.Ask(message);

        Assert.Equal(AnswerKind.Emergency, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Contains("call", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("does ALS cause difficulty breathing")]
    [InlineData("can muscle wasting cause chest pain")]
    public void Ask_GeneralQuestionNamingASymptom_IsNotAnEmergency(string message)
    {
        Assert.NotEqual(AnswerKind.Emergency, Sut.Ask(message).Kind);
    }

    [Theory]
    [InlineData("hi there")]
    [InlineData("Thanks so much!")]
    [InlineData("what do you do?")]
    [InlineData("bye")]
    [InlineData("   ")]
    public void Ask_SmallTalk_RepliesWithoutSearching(string message)
    {
        Assert.Equal(AnswerKind.SmallTalk, Sut.Ask(message).Kind);
    }

    [Theory]
    [InlineData("how much ibuprofen for sore knees")]
    [InlineData("is fibromyalgia curable")]
    [InlineData("recommend a good gym membership near me")]
    [InlineData("what's the weather tomorrow")]
    [InlineData("asdfgh qwerty")]
    public void Ask_OutOfScope_DeclinesWithClinicContact(string message)
    {
        var answer = Sut.Ask(message);

        Assert.Equal(AnswerKind.Decline, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Contains("contact the clinic", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello, what is sarcopenia?", "sarcopenia")]
    [InlineData("muscel wastign", "muscle")]
    [InlineData("does physio help bedridden people", "therap")]
    public void Ask_CorpusQuestion_AnswersWithVerbatimCitations(string question, string expected)
    {
        var answer = Sut.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Contains(expected, answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(answer.Text.Length, 1, 520);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        foreach (var citation in answer.Citations)
        {
            var document = SharedKnowledgeBase.Instance.Corpus.Documents.Single(d => d.Metadata.Id == citation.SourceId);
            Assert.Equal(document.Text[citation.Start..citation.End], citation.Snippet);
        }
    }

    [Fact]
    public void Ask_StoryDeclinedWhole_AnswersItsOneQuestion()
    {
        var answer = Sut.Ask("I'm 53 and over the past couple of months the fleshy bit between my thumb and finger has gone hollow. I keep telling myself it's nothing and putting it off. Should someone who thinks they have muscle wasting see a doctor, and does acting early help?");

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Contains("should see a doctor", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_QuestionAnsweredByOriginalAndCopies_CitesTheOriginalOnce()
    {
        var answer = Sut.Ask("what is focused ultrasound therapy");

        Assert.Equal("000", answer.Citations[0].SourceId);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Snippet).Distinct().Count());
        Assert.DoesNotContain(answer.Citations, c => c.SourceId is "001" or "002");
    }

    [Fact]
    public void Ask_HugeHostileMessage_AnswersWithoutThrowing()
    {
        var message = string.Concat(Enumerable.Repeat("muscle \u202E\u0000\uD800 ", 20_000));

        var answer = Sut.Ask(message);

        Assert.NotNull(answer.Text);
    }

    [Fact]
    public void Ask_NextParagraphRefersBackAndAnswersTheRest_IsCitedAfterTheFirst()
    {
        const string text = "Conditions\n\nMultiple sclerosis (MS) is an autoimmune disease that affects the myelin around nerve fibers.\n\n"
            + "The condition damages the nerves, which causes atrophy.\n\nOther causes\n\nDisuse can cause atrophy.\n\n"
            + "Ageing can cause atrophy too.\n\nPoor nutrition can cause atrophy.\n";
        var sut = AnswersFrom(text, LexicalOnly);

        var answer = sut.Ask("how does multiple sclerosis cause atrophy");

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(["Multiple sclerosis (MS) is an autoimmune disease that affects the myelin around nerve fibers.", "The condition damages the nerves, which causes atrophy."], answer.Citations.Select(citation => citation.Snippet));
    }

    [Theory]
    [InlineData("what is cachexia")]
    [InlineData("what does cachexia mean")]
    [InlineData("cachexia definition")]
    public void Ask_DefinitionQuestion_CitesTheDefiningPassageFirst(string question)
    {
        const string text = "Weight\n\nCachexia, cachexia and more cachexia: cachexia appears in many patients with cancer.\n\n"
            + "Cachexia is a complex metabolic condition that causes extreme weight loss.\n\nProtein supports muscle repair.\n";
        var sut = AnswersFrom(text);

        var answer = sut.Ask(question);

        Assert.StartsWith("Cachexia is a complex metabolic condition", answer.Citations[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_FirstMessageAskedAgain_IsAnsweredFromMemoryAsSent()
    {
        var embedder = new CountingEmbedder(MiniLmEmbedder.Shared);
        var sut = AnswersFrom("Cachexia is a complex metabolic condition that causes extreme weight loss.\n", embedder: embedder);
        var first = sut.Ask("what is cachexia");
        var embedded = embedder.Calls;

        var again = sut.Ask("  what is\n cachexia ");

        Assert.Equal(embedded, embedder.Calls);
        Assert.Equal("  what is\n cachexia ", again.Question);
        Assert.Equal((first.Kind, first.Text, first.Citations), (again.Kind, again.Text, again.Citations));
    }

    [Fact]
    public void Ask_InAConversationOrWithMemoryOff_IsAnsweredAfresh()
    {
        var embedder = new CountingEmbedder(MiniLmEmbedder.Shared);
        var sut = AnswersFrom("Cachexia is a complex metabolic condition that causes extreme weight loss.\n", embedder: embedder, options: new AnswerOptions { RememberedReplies = 0 });
        sut.Ask("what is cachexia");
        var embedded = embedder.Calls;

        sut.Ask("what is cachexia");

        Assert.True(embedder.Calls > embedded);
        var remembering = AnswersFrom("Cachexia is a complex metabolic condition that causes extreme weight loss.\n", embedder: embedder);
        var turn = remembering.Ask("what is cachexia", null, new HashSet<int>());
        embedded = embedder.Calls;
        remembering.Ask("what is cachexia", turn.Topic, new HashSet<int>());
        Assert.True(embedder.Calls > embedded);
    }

    /// <summary>Counts the calls that reach the model, to tell a reply from memory from one worked out again.</summary>
    private sealed class CountingEmbedder(IEmbedder inner) : IEmbedder
    {
        public int Calls { get; private set; }

        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public IReadOnlySet<string> Words => inner.Words;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken cancellationToken = default)
        {
            Calls++;
            return inner.Embed(texts, kind, cancellationToken);
        }
    }

    /// <summary>Ranking by the lexical share alone, for tests of what is cited after the top passage, whichever it is.</summary>
    private static readonly RankingWeights LexicalOnly = RankingWeights.Shipped with { Passage = 0, Sentence = 0, Question = 0, Coverage = 0 };

    /// <summary>An answer service over one plain-text source, analyzed as the corpus is.</summary>
    private static AnswerService AnswersFrom(string text, RankingWeights? weights = null, IEmbedder? embedder = null, AnswerOptions? options = null)
    {
        var analyzer = SharedKnowledgeBase.Instance.Analyzer;
        var corpus = new CorpusLoader(analyzer).Ingest([(new SourceMetadata { Id = "s", File = "s.txt", Title = "Notes" }, text)]);
        var searcher = new LucenePassageSearcher(PassageIndexBuilder.Open(corpus.Passages, corpus.Sources, analyzer, new PassageSimilarity(1.2, 0.75)), new SearchOptions());
        var vectors = PassageVectors.Build(corpus.Passages, MiniLmEmbedder.Shared, VectorCache.For(MiniLmEmbedder.Shared, directory: null), ExampleQuestions.None);
        var ranker = new HybridRanker(vectors, (weights ?? RankingWeights.Shipped) with { MinConfidence = 0 });
        return new AnswerService(searcher, new PassageHighlighter(), embedder ?? MiniLmEmbedder.Shared, new MessageTriage(TriageModel.Shipped), ranker, options ?? new AnswerOptions(), new ClinicOptions());
    }

    [Theory]
    [InlineData("what time do you open on saturday?", "On Saturdays we are open from 9 am to 12 noon")]
    [InlineData("where do I park?", "free parking for patients")]
    [InlineData("do I need a referral from my GP", "without a referral")]
    [InlineData("what do I bring to the first visit", "Bring a photo ID")]
    [InlineData("can I cancel my appointment", "call us at least 24 hours before it")]
    public void Ask_ClinicQuestionInOtherWords_AnswersFromTheClinicFileAloneCitingIt(string question, string expected)
    {
        var answer = Sut.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("clinic-qa", citation.SourceId);
        Assert.Equal(("Riverside Muscle Clinic (demo): practical questions", "https://riverside-clinic.example/questions"), (citation.Title, citation.Url));
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.EndsWith(" [1]", answer.Text, StringComparison.Ordinal);
        var file = SharedKnowledgeBase.Instance.Corpus.Documents.Single(document => document.Metadata.Id == "clinic-qa").Text;
        Assert.Equal(file[citation.Start..citation.End], citation.Snippet);
        Assert.All(answer.FollowUps, followUp => Assert.Contains(SharedKnowledgeBase.Instance.Corpus.Passages, passage => passage.SourceId == "clinic-qa" && passage.Heading == followUp));
    }

    [Theory]
    [InlineData("what causes muscle wasting")]
    [InlineData("how is muscle atrophy treated")]
    [InlineData("what should I eat to keep my muscles")]
    [InlineData("does physical therapy help")]
    public void Ask_HealthQuestion_CitesArticlesOnlyAndOffersNoClinicQuestions(string question)
    {
        var answer = Sut.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.DoesNotContain(answer.Citations, citation => citation.SourceId == "clinic-qa");
        var clinicQuestions = SharedKnowledgeBase.Instance.Corpus.Passages.Where(passage => passage.SourceId == "clinic-qa").Select(passage => passage.Heading).ToHashSet();
        Assert.DoesNotContain(answer.FollowUps, clinicQuestions.Contains);
    }
}
