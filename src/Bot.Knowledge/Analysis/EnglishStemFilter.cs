using System.Collections.Concurrent;

namespace Bot.Knowledge.Analysis;

/// <summary>Replaces each word by its Snowball English stem; numbers and words with digits pass unchanged.</summary>
public sealed class EnglishStemFilter : TokenFilter
{
    private const int MaxCachedStems = 50_000;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override IEnumerable<Token> Filter(IEnumerable<Token> input)
    {
        EnglishStemmer? stemmer = null;
        foreach (var token in input)
        {
            if (token.Kind != TokenKind.Word || !token.Term.All(IsStemmable))
            {
                yield return token;
                continue;
            }

            if (!_cache.TryGetValue(token.Term, out var stem))
            {
                stemmer ??= new EnglishStemmer();
                stem = stemmer.Stem(token.Term);
                if (_cache.Count < MaxCachedStems)
                {
                    _cache.TryAdd(token.Term, stem);
                }
            }

            yield return token with { Term = stem };
        }
    }

    private static bool IsStemmable(char c) => char.IsAsciiLetterLower(c) || c == '\'';
}
