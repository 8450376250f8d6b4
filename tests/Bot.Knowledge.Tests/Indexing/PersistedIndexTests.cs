using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Indexing;

/// <summary>The persisted index under a data folder: reused across restarts, rebuilt when what it was built from changes.</summary>
public sealed class PersistedIndexTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bot-index-tests-");

    public PersistedIndexTests()
    {
        Corpus.Create();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Corpus))
        {
            File.Copy(file, Path.Combine(Corpus.FullName, Path.GetFileName(file)));
        }
    }

    private DirectoryInfo Corpus => new(Path.Combine(_root.FullName, "corpus"));

    private string IndexFolder => Path.Combine(_root.FullName, "data", "index");

    [Fact]
    public void Load_Restart_ReusesThePersistedIndexUnchanged()
    {
        var first = Load();
        var files = IndexFiles();

        var second = Load();

        Assert.Equal(first, second);
        Assert.Equal(files, IndexFiles());
    }

    [Fact]
    public void Load_CorpusFileChanged_RebuildsAndFindsTheNewText()
    {
        Load();
        var source = Directory.GetFiles(Corpus.FullName, "000_*.txt").Single();
        File.AppendAllText(source, "\n\nZebrafish regrow their muscle fibres remarkably quickly after injury.\n");

        using var engine = KnowledgeBase.Load(Corpus.FullName, MiniLmEmbedder.Shared, indexDirectory: IndexFolder);

        Assert.Contains(engine.Searcher.Search("zebrafish", 3).Hits, hit => hit.Passage.Text.Contains("Zebrafish", StringComparison.Ordinal));
        Assert.Single(Directory.GetDirectories(IndexFolder));
    }

    [Fact]
    public void Load_SynonymsChanged_RebuildsTheIndex()
    {
        var before = Load();
        File.AppendAllText(Path.Combine(Corpus.FullName, KnowledgeBase.SynonymsFileName), "\nzebra, stripes\n");

        Assert.NotEqual(before, Load());
    }

    [Fact]
    public void Load_IndexFilesCorrupted_RebuildsInsteadOfFailing()
    {
        Load();
        foreach (var file in Directory.GetFiles(Directory.GetDirectories(IndexFolder).Single()))
        {
            File.WriteAllText(file, "not an index");
        }

        using var engine = KnowledgeBase.Load(Corpus.FullName, MiniLmEmbedder.Shared, indexDirectory: IndexFolder);

        Assert.NotEmpty(engine.Searcher.Search("sarcopenia", 3).Hits);
    }

    [Fact]
    public async Task Load_TwoStartsAtOnce_BothGetTheOneIndex()
    {
        var starts = Enumerable.Range(0, 2).Select(_ => Task.Run(() => KnowledgeBase.Load(Corpus.FullName, MiniLmEmbedder.Shared, indexDirectory: IndexFolder))).ToArray();

        var engines = await Task.WhenAll(starts);

        Assert.All(engines, engine => Assert.NotEmpty(engine.Searcher.Search("sarcopenia", 3).Hits));
        Assert.Single(Directory.GetDirectories(IndexFolder));
        Assert.Empty(Directory.GetDirectories(IndexFolder, ".*"));
        Array.ForEach(engines, engine => engine.Dispose());
    }

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>Loads the engine over the copied corpus and returns the name of the index folder it reads.</summary>
    private string Load()
    {
        using var engine = KnowledgeBase.Load(Corpus.FullName, MiniLmEmbedder.Shared, indexDirectory: IndexFolder);
        Assert.NotEmpty(engine.Searcher.Search("what is sarcopenia", 3).Hits);
        return Path.GetFileName(Assert.Single(Directory.GetDirectories(IndexFolder)));
    }

    /// <summary>
    /// The Lucene index's files. The vector file beside them is left out: it holds every vector the process knows
    /// (shared by the tests running at the same time), so it grows whenever another test embeds something new.
    /// </summary>
    private List<(string Name, DateTime Written)> IndexFiles() =>
        [.. new DirectoryInfo(IndexFolder).EnumerateDirectories().SelectMany(folder => folder.EnumerateFiles("*", SearchOption.AllDirectories)).Select(file => (file.FullName, file.LastWriteTimeUtc)).Order()];
}
