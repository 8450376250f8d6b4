namespace Bot.Knowledge.Analysis;

/// <summary>One term produced by an analyzer, with its character offsets in the analyzed text.</summary>
/// <param name="Term">The indexed form (lower-cased, stemmed, or a synonym group's term).</param>
/// <param name="Start">Offset of the first character of the source word.</param>
/// <param name="End">Offset just past the source word (or the last word of a multi-word synonym).</param>
/// <param name="Position">Word position; stacked synonyms share the position of the word they stand for.</param>
/// <param name="Kind">Whether the term was written in the text or injected by a filter.</param>
/// <param name="Span">How many word positions an injected synonym covers (1 for plain words).</param>
public readonly record struct Token(string Term, int Start, int End, int Position, TokenKind Kind = TokenKind.Word, int Span = 1);
