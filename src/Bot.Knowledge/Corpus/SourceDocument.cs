namespace Bot.Knowledge.Corpus;

/// <summary>One ingested source: its metadata, its text (passage offsets count in it), its answerable passages and its reference list.</summary>
public sealed record SourceDocument(SourceMetadata Metadata, string Text, IReadOnlyList<Passage> Passages, IReadOnlyList<string> References);
