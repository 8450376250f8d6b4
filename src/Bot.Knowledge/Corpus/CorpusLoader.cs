using System.Text.Json;
using Lucene.Net.Analysis;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Reads a corpus folder: <c>sources.json</c> names each source file and its metadata; each file is segmented by
/// its format (plain text, Markdown, HTML), cleaned of boilerplate, cut into passages and merged with its copies.
/// </summary>
public sealed class CorpusLoader(Analyzer analyzer)
{
    /// <summary>The manifest's file name inside the corpus folder.</summary>
    public const string ManifestFileName = "sources.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Loads and ingests the corpus in <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">The manifest is missing, malformed, or names a missing file or a duplicate id.</exception>
    public KnowledgeCorpus Load(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"No {ManifestFileName} in corpus folder '{directory}'.");
        }

        CorpusManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(manifestPath), JsonOptions)
                ?? throw new InvalidDataException($"{manifestPath} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{manifestPath} is not valid: {exception.Message}", exception);
        }

        var sources = new List<(SourceMetadata Metadata, string Text)>();
        foreach (var entry in manifest.Sources)
        {
            var path = Path.Combine(directory, entry.File);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"Source '{entry.Id}' names '{entry.File}', which is not in '{directory}'.");
            }

            sources.Add((entry, File.ReadAllText(path)));
        }

        return Ingest(sources);
    }

    /// <summary>Ingests sources given as metadata and raw text (articles in their formats, the clinic's questions and answers in <see cref="QaFormat"/>).</summary>
    public KnowledgeCorpus Ingest(IReadOnlyList<(SourceMetadata Metadata, string Text)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var duplicateId = sources.GroupBy(source => source.Metadata.Id).FirstOrDefault(group => group.Count() > 1);
        if (duplicateId is not null)
        {
            throw new InvalidDataException($"Source id '{duplicateId.Key}' is used twice.");
        }

        var documents = new List<SourceDocument>();
        var nextId = 0;
        foreach (var (declared, file) in sources)
        {
            if (declared.Kind is not ("article" or SourceMetadata.QaKind))
            {
                throw new InvalidDataException($"Source '{declared.Id}' has kind '{declared.Kind}': a source is an \"article\" (the default) or \"{SourceMetadata.QaKind}\" (the clinic's questions and answers).");
            }

            if (declared.IsQa)
            {
                var qa = Titled(MarkdownFormat.Instance.ReadMetadata(file, declared), QaFormat.Title(file));
                var entries = QaFormat.Passages(qa.Id, file, nextId);
                nextId += entries.Count;
                documents.Add(new SourceDocument(qa, file, entries, []));
                continue;
            }

            var format = SourceFormats.For(declared.File);
            var (text, blocks) = format.Segment(file);
            var metadata = Titled(format.ReadMetadata(file, declared), blocks.Count > 0 && blocks[0].Kind == BlockKind.Heading ? blocks[0].Text : null);
            var isReference = blocks.Select(block => ReferenceExtractor.IsReference(block.Text)).ToArray();
            var boilerplate = BoilerplateFilter.Classify(blocks);
            var dropped = isReference.Zip(boilerplate, (reference, noise) => reference || noise).ToArray();
            var passages = PassageBuilder.Build(metadata.Id, text, blocks, dropped, nextId);
            nextId += passages.Count;
            documents.Add(new SourceDocument(metadata, text, passages, ReferenceExtractor.Extract(blocks)));
        }

        var metadataById = documents.ToDictionary(document => document.Metadata.Id, document => document.Metadata, StringComparer.Ordinal);
        var merged = new NearDuplicateMerger(analyzer).Merge(documents.SelectMany(document => document.Passages).ToArray(), metadataById);
        var bySource = merged.ToLookup(passage => passage.SourceId, StringComparer.Ordinal);
        return new KnowledgeCorpus(documents.ConvertAll(document => document with { Passages = bySource[document.Metadata.Id].ToArray() }));
    }

    /// <summary>
    /// The title a patient reads in a citation: the one the metadata states, else the document's own first heading
    /// when the document opens with it, else our label. A source with none of them, or labelled "Untitled…", is
    /// refused: a citation must name what it cites.
    /// </summary>
    private static SourceMetadata Titled(SourceMetadata metadata, string? openingHeading)
    {
        if (string.IsNullOrWhiteSpace(metadata.Title))
        {
            metadata = metadata with { Title = string.IsNullOrWhiteSpace(openingHeading) ? null : openingHeading.Trim() };
        }

        if (metadata.Title is null && (string.IsNullOrWhiteSpace(metadata.Label) || metadata.Label.StartsWith("Untitled", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidDataException($"Source '{metadata.Id}' states no title and does not open with a heading: give it a \"label\" in {ManifestFileName} that tells a reader what it is (not \"Untitled…\").");
        }

        return metadata;
    }
}