using System.Collections.Concurrent;

namespace Bot.Knowledge.Analysis;

/// <summary>Replaces each word by its Snowball English stem; numbers and words with digits pass unchanged.</summary>
public sealed class EnglishStemFilter : TokenFilter
{
    private const int MaxCachedStems = 50_000;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override void Apply(List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        EnglishStemmer? stemmer = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var term = tokens[i].Term;
            if (tokens[i].Kind != TokenKind.Word || !IsStemmable(term))
            {
                continue;
            }

            if (!_cache.TryGetValue(term, out var stem))
            {
                stemmer ??= new EnglishStemmer();
                stem = stemmer.Stem(term);
                if (_cache.Count < MaxCachedStems)
                {
                    _cache.TryAdd(term, stem);
                }
            }

            if (!ReferenceEquals(stem, term))
            {
                tokens[i] = tokens[i] with { Term = stem };
            }
        }
    }

    private static bool IsStemmable(string term)
    {
        foreach (var c in term)
        {
            if (!char.IsAsciiLetterLower(c) && c != '\'')
            {
                return false;
            }
        }

        return true;
    }
}
