using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// Builds or reopens the Lucene index of a set of passages. In memory (<see cref="RAMDirectory"/>) when no folder is
/// given; otherwise persisted under the folder, one sub-folder per content hash (passages, source titles, example questions, analyzer
/// chain, stop words, synonyms and <see cref="FormatVersion"/>): an index whose hash matches is reopened as it is, any
/// change builds a new one. A new index is written to a temporary folder and renamed into place only once committed,
/// so a crash or a second process building at the same time never leaves a half-written index to be opened.
/// </summary>
public static class PassageIndexBuilder
{
    /// <summary>Changes whenever the document mapping changes, so older persisted indexes are rebuilt.</summary>
    public const string FormatVersion = "passages/4; example questions";

    private const string HashKey = "content-hash";

    /// <summary>
    /// Builds the index of <paramref name="passages"/> (ids 0..n-1 in order) in memory, or opens or builds it under
    /// <paramref name="folder"/>; each passage's <paramref name="examples"/> are indexed with it.
    /// </summary>
    public static PassageIndex Open(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources, PassageAnalyzer analyzer, PassageSimilarity similarity, string? folder = null, ExampleQuestions? examples = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(similarity);
        examples ??= ExampleQuestions.None;
        for (var id = 0; id < passages.Count; id++)
        {
            if (passages[id].Id != id)
            {
                throw new ArgumentException($"Passage at index {id} has id {passages[id].Id}; ids must be 0..n-1 in order.", nameof(passages));
            }
        }

        var hash = ContentHash(passages, sources, analyzer, examples);
        if (folder is null)
        {
            var memory = new RAMDirectory();
            Write(memory, passages, sources, analyzer, similarity, hash, examples);
            return new PassageIndex(passages, sources, analyzer, memory, similarity);
        }

        var target = Path.Combine(folder, hash);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryOpen(target, hash, passages, sources, analyzer, similarity) is { } existing)
            {
                return existing;
            }

            var temporary = Path.Combine(folder, $".{hash}.{Guid.NewGuid():N}.tmp");
            using (var directory = FSDirectory.Open(temporary))
            {
                Write(directory, passages, sources, analyzer, similarity, hash, examples);
            }

            // Another process may have put the same index in place while this one was writing: use that one.
            if (TryOpen(target, hash, passages, sources, analyzer, similarity) is { } theirs)
            {
                System.IO.Directory.Delete(temporary, recursive: true);
                return theirs;
            }

            if (System.IO.Directory.Exists(target))
            {
                // Unreadable under the current hash: replaced, since the new one is complete.
                System.IO.Directory.Delete(target, recursive: true);
            }

            try
            {
                System.IO.Directory.Move(temporary, target);
                DeleteOthers(folder, hash);
            }
            catch (IOException)
            {
                // Another process renamed its index into place in between: the next attempt opens it.
                System.IO.Directory.Delete(temporary, recursive: true);
            }
        }

        return TryOpen(target, hash, passages, sources, analyzer, similarity)
            ?? throw new InvalidDataException($"The index in '{target}' could not be written and opened.");
    }

    /// <summary>The content hash an index of these passages and their example questions is kept under.</summary>
    public static string ContentHash(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources, PassageAnalyzer analyzer, ExampleQuestions examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text)
        {
            var value = text ?? "\u0000";
            hash.AppendData(BitConverter.GetBytes(value.Length));
            hash.AppendData(Encoding.UTF8.GetBytes(value));
        }

        Add(FormatVersion);
        Add(analyzer.Description);
        foreach (var passage in passages)
        {
            Add(passage.SourceId);
            Add(passage.Heading);
            Add(passage.Text);
            Add(sources.TryGetValue(passage.SourceId, out var source) ? source.DisplayTitle : null);
            foreach (var example in examples.For(passage))
            {
                Add(example);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Write(LuceneDirectory directory, IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources, PassageAnalyzer analyzer, PassageSimilarity similarity, string hash, ExampleQuestions examples)
    {
        var config = new IndexWriterConfig(PassageAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = similarity,
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        for (var id = 0; id < passages.Count; id++)
        {
            writer.AddDocument(PassageDocuments.Create(passages[id], id > 0 ? passages[id - 1] : null, sources, examples.For(passages[id])));
        }

        writer.SetCommitData(new Dictionary<string, string> { [HashKey] = hash });
        writer.Commit();
    }

    private static PassageIndex? TryOpen(string path, string hash, IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources, PassageAnalyzer analyzer, PassageSimilarity similarity)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return null;
        }

        var directory = FSDirectory.Open(path);
        try
        {
            if (DirectoryReader.IndexExists(directory) && DirectoryReader.ListCommits(directory) is [.., var commit]
                && commit.UserData.TryGetValue(HashKey, out var stored) && stored == hash)
            {
                return new PassageIndex(passages, sources, analyzer, directory, similarity);
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or CorruptIndexException)
        {
            // Unreadable: rebuilt below.
        }

        directory.Dispose();
        return null;
    }

    /// <summary>Removes indexes of other contents (best effort: one still open elsewhere may refuse).</summary>
    private static void DeleteOthers(string folder, string hash)
    {
        foreach (var other in System.IO.Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(other);
            if (name != hash && name.Length == hash.Length && name.All(char.IsAsciiHexDigitLower))
            {
                try
                {
                    System.IO.Directory.Delete(other, recursive: true);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Kept; a later build removes it.
                }
            }
        }
    }
}
