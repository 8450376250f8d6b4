using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Tests.Corpus;

/// <summary>The cleaning fixtures: each seed of the real corpus, ingested.</summary>
public sealed class CorpusLoaderTests
{
    private static readonly string[] Boilerplate =
    [
        "Share on Pinterest", "Learn more about", "commission", "advertis", "Please enter your", "in your inbox",
        "formats to cite", "Image credit", "By anon", "Editorial", "fibromyalgia", "resistance band", "kushi", "ibuprophen",
        "In this article, we", "Sarah Sullins", "Updated Mar", "https://",
    ];

    private static KnowledgeCorpus Corpus => SharedKnowledgeBase.Instance.Corpus;

    [Theory]
    [InlineData("000", 30)]
    [InlineData("001", 30)]
    [InlineData("002", 20)]
    [InlineData("003", 28)]
    [InlineData("004", 6)]
    public void Load_Seed_KeepsArticleParagraphsWithoutBoilerplate(string sourceId, int minPassages)
    {
        var document = Corpus.Documents.Single(d => d.Metadata.Id == sourceId);

        Assert.True(document.Passages.Count >= minPassages, $"{document.Passages.Count} passages");
        foreach (var passage in document.Passages)
        {
            Assert.DoesNotContain(Boilerplate, phrase => passage.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(document.Text[passage.Start..passage.End], passage.Text);
        }
    }

    [Fact]
    public void Load_AdPage_KeepsOnlyTheArticleBetweenTheBlurbsAndTheComments()
    {
        var passages = Corpus.Documents.Single(d => d.Metadata.Id == "004").Passages;

        Assert.StartsWith("Muscle wasting, also known as muscle atrophy", passages[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Muscle wasting can occur with any muscle", passages[^1].Text, StringComparison.Ordinal);
        Assert.Equal(6, passages.Count);
    }

    [Fact]
    public void Load_CleanArticle_CarriesSectionHeadings()
    {
        var passages = Corpus.Documents.Single(d => d.Metadata.Id == "000").Passages;

        Assert.Equal("Focused ultrasound therapy", passages.Single(p => p.Text.StartsWith("Focused ultrasound therapy is", StringComparison.Ordinal)).Heading);
        Assert.Equal("Inactivity for extended periods", passages.Single(p => p.Text.StartsWith("Prolonged inactivity", StringComparison.Ordinal)).Heading);
        Assert.Null(passages.Single(p => p.Text.StartsWith("People with malnutrition", StringComparison.Ordinal)).Heading);
    }

    [Fact]
    public void Load_ListWithLeadIn_IsOnePassage()
    {
        var passage = Corpus.Passages.Single(p => p.SourceId == "003" && p.Text.StartsWith("In addition to reduced muscle mass, sarcopenia", StringComparison.Ordinal));

        Assert.EndsWith("lower endurance", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FlattenedCopy_KeepsReferencesAsMetadata()
    {
        var references = Corpus.Documents.Single(d => d.Metadata.Id == "001").References;

        Assert.Equal(6, references.Count);
        Assert.Contains(references, r => r.Contains("PMC3940510", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("cite", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Load_Copies_AreMergedIntoOriginalPassages()
    {
        var byId = Corpus.Passages.ToDictionary(p => p.Id);

        Assert.All(Corpus.Passages.Where(p => p.SourceId == "001"), p => Assert.Equal("000", byId[p.GroupId].SourceId));
        var paraphrase = Corpus.Passages.Single(p => p.SourceId == "002" && p.Text.StartsWith("The damaged nerves lose", StringComparison.Ordinal));
        Assert.StartsWith("The condition causes damage to the nerves", byId[paraphrase.GroupId].Text, StringComparison.Ordinal);
        Assert.All(Corpus.Passages.Where(p => p.SourceId is "003" or "004"), p => Assert.Equal(p.Id, p.GroupId));
    }

    [Fact]
    public void Load_MissingManifest_ThrowsClearError()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => new CorpusLoader(SharedKnowledgeBase.Instance.Analyzer).Load(directory.FullName));
            Assert.Contains("sources.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MarkdownWithFrontMatter_ReadsMetadataAndVerbatimBlocks()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            const string markdown = "---\ntitle: Clinic FAQ\npublisher: Example Clinic\n---\n\n# Exercise\n\nWalking daily helps keep **muscle** strength.\n\n- swimming\n- cycling\n";
            File.WriteAllText(Path.Combine(directory.FullName, "faq.md"), markdown);
            File.WriteAllText(Path.Combine(directory.FullName, "sources.json"), """{"sources":[{"id":"faq","file":"faq.md"}]}""");

            var corpus = new CorpusLoader(SharedKnowledgeBase.Instance.Analyzer).Load(directory.FullName);

            var document = Assert.Single(corpus.Documents);
            Assert.Equal(("Clinic FAQ", "Example Clinic"), (document.Metadata.Title, document.Metadata.Publisher));
            Assert.Equal("Walking daily helps keep **muscle** strength.", document.Passages[0].Text);
            Assert.Equal("Exercise", document.Passages[0].Heading);
            Assert.All(document.Passages, p => Assert.Equal(markdown[p.Start..p.End], p.Text));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_HtmlPage_RendersVisibleTextWithMetadataAndVerbatimOffsets()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            const string html = """
                <!doctype html>
                <html><head>
                  <title>Muscle care | Example Clinic</title>
                  <meta property="og:site_name" content="Example Clinic">
                  <meta name="author" content="Dr A. Jones">
                  <meta property="article:published_time" content="2025-04-02T09:00:00Z">
                  <link rel="canonical" href="https://clinic.example/muscle-care">
                  <style>p { color: red }</style>
                </head><body>
                  <nav><a href="/">Home</a> <a href="/book">Book now</a></nav>
                  <h1>Muscle care</h1>
                  <h2>Exercise</h2>
                  <p>Walking <strong>every day</strong> keeps muscles&nbsp;strong &amp; supple.<br>Start slowly.</p>
                  <p>Helpful activities include:</p>
                  <ul><li>swimming</li><li>cycling</li></ul>
                  <script>track("visit")</script>
                  <footer>© Example Clinic</footer>
                </body></html>
                """;
            File.WriteAllText(Path.Combine(directory.FullName, "care.html"), html);
            File.WriteAllText(Path.Combine(directory.FullName, "sources.json"), """{"sources":[{"id":"care","file":"care.html"}]}""");

            var corpus = new CorpusLoader(SharedKnowledgeBase.Instance.Analyzer).Load(directory.FullName);

            var document = Assert.Single(corpus.Documents);
            Assert.Equal(
                ("Muscle care | Example Clinic", "Example Clinic", "Dr A. Jones", "2025-04-02", "https://clinic.example/muscle-care"),
                (document.Metadata.Title, document.Metadata.Publisher, document.Metadata.Author, document.Metadata.Date, document.Metadata.Url));
            Assert.Equal(["Walking every day keeps muscles strong & supple. Start slowly.", "Helpful activities include:\n• swimming\n• cycling"], document.Passages.Select(p => p.Text));
            Assert.All(document.Passages, p => Assert.Equal("Exercise", p.Heading));
            Assert.All(document.Passages, p => Assert.Equal(document.Text[p.Start..p.End], p.Text));
            Assert.DoesNotContain("Book now", document.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("track", document.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("©", document.Text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_ShippedCorpus_EverySourceHasAReadableTitle()
    {
        Assert.All(Corpus.Documents, document =>
        {
            Assert.False(string.IsNullOrWhiteSpace(document.Metadata.DisplayTitle));
            Assert.DoesNotContain("untitled", document.Metadata.DisplayTitle, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual(document.Metadata.Id, document.Metadata.DisplayTitle);
        });
    }

    [Fact]
    public void Ingest_NoTitleInMetadata_TakesTheHeadingTheDocumentOpensWith()
    {
        var sut = new CorpusLoader(SharedKnowledgeBase.Instance.Analyzer);

        var corpus = sut.Ingest([(new SourceMetadata { Id = "faq", File = "faq.md" }, "# Our physiotherapy FAQ\n\nWalking every day keeps muscles strong.\n")]);

        Assert.Equal("Our physiotherapy FAQ", Assert.Single(corpus.Documents).Metadata.DisplayTitle);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Untitled article on muscle atrophy")]
    public void Ingest_NoTitleNoHeadingAndNoUsefulLabel_IsRefusedNamingTheSource(string? label)
    {
        var sut = new CorpusLoader(SharedKnowledgeBase.Instance.Analyzer);

        var refused = Assert.Throws<InvalidDataException>(() => sut.Ingest([(new SourceMetadata { Id = "notes", File = "notes.txt", Label = label }, "Walking every day keeps muscles strong.\n")]));

        Assert.Contains("'notes'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_UnknownKind_IsRefusedNamingTheSource()
    {
        var sut = new CorpusLoader(SharedKnowledgeBase.Instance.Analyzer);

        var refused = Assert.Throws<InvalidDataException>(() => sut.Ingest([(new SourceMetadata { Id = "faq", File = "faq.md", Title = "FAQ", Kind = "faq" }, "## Parking?\n\nBehind the building.\n")]));

        Assert.Contains("'faq' has kind 'faq'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_QaSource_OnePassagePerQuestionTitledByItsOpeningHeading()
    {
        var sut = new CorpusLoader(SharedKnowledgeBase.Instance.Analyzer);

        var corpus = sut.Ingest([(new SourceMetadata { Id = "a", File = "a.txt", Title = "Notes" }, "Walking keeps muscles strong.\n"), (new SourceMetadata { Id = "qa", File = "qa.md", Kind = "qa" }, "# Our clinic\n\n## Is there parking?\n\n- Where can I park?\n\nBehind the building.\n")]);

        var qa = corpus.Documents[1];
        Assert.Equal("Our clinic", qa.Metadata.DisplayTitle);
        var passage = Assert.Single(qa.Passages);
        Assert.Equal((1, "Behind the building.", "Is there parking?"), (passage.Id, passage.Text, passage.Heading));
        Assert.Equal(qa.Text[passage.Start..passage.End], passage.Text);
    }
}
