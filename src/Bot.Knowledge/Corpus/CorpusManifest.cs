namespace Bot.Knowledge.Corpus;

/// <summary>The shape of <c>corpus/sources.json</c>: the list of sources and their metadata.</summary>
public sealed record CorpusManifest(IReadOnlyList<SourceMetadata> Sources);
