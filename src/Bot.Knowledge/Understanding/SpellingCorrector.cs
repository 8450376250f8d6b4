using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util.Automaton;

namespace Bot.Knowledge.Understanding;

/// <summary>
/// Reads chat shorthand and misspelt words the way the articles spell them, so the sentence model sees "muscle
/// wasting" where a patient typed "muscel wastign" (a small model's word pieces make nothing of a misspelling). A word
/// is corrected only when its stem (Lucene's Snowball English stemmer) is the stem of no corpus word and of no whole
/// word of the model's vocabulary, to the most frequent corpus word within one edit (two for words of seven letters or
/// more; a swap of neighbours is one edit; see <see cref="Plausible"/>), found with Lucene's Levenshtein automata; shorthand comes from
/// <c>TextSpeak.txt</c>. A word the model knows in some form ("grub", "docs", "diagnose") is left as it is, and so is
/// a word with an apostrophe. An abbreviation the articles define ("Multiple sclerosis (MS)") is spelt out beside
/// itself ("multiple sclerosis (ms)"): the small model makes little of "MS" alone.
/// </summary>
public sealed partial class SpellingCorrector
{
    /// <summary>Shortest word corrected: a four-letter word one edit from a corpus word is as often another word ("carb", "sooo" read as "card", "soon").</summary>
    private const int MinLength = 5;
    private const int LongWord = 7;

    /// <summary>
    /// Most unknown words looked up in one message: a real message has a few misspellings, and each lookup scans the
    /// vocabulary (about a millisecond), so a message of random words must not cost a second.
    /// </summary>
    private const int MaxLookups = 16;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Shorthand = new(ReadShorthand);

    /// <summary>
    /// The stems of each set of known words, computed once: the model's vocabulary is the same for every corpus load
    /// (about 20,000 words, some 80 ms to stem), only the corpus's words change.
    /// </summary>
    private static readonly ConditionalWeakTable<IEnumerable<string>, HashSet<string>> KnownStems = [];

    private readonly IReadOnlyDictionary<string, int> _frequencies;
    private readonly HashSet<string> _corpusStems;
    private readonly HashSet<string> _knownStems;
    private readonly string[] _byFrequency;

    private readonly IReadOnlyDictionary<string, string> _abbreviations;

    private SpellingCorrector(IReadOnlyDictionary<string, int> frequencies, IEnumerable<string> known, IReadOnlyDictionary<string, string> abbreviations)
    {
        _frequencies = frequencies;
        _abbreviations = abbreviations;
        _corpusStems = [.. frequencies.Keys.Select(Stem)];
        _knownStems = KnownStems.GetValue(known, words => [.. words.Select(Stem)]);
        _byFrequency = [.. frequencies.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Key)];
    }

    /// <summary>A corrector that only expands shorthand (no corpus vocabulary).</summary>
    public static SpellingCorrector None { get; } = new(new Dictionary<string, int>(), [], new Dictionary<string, string>());

    /// <summary>A corrector to the words of <paramref name="corpusTexts"/>, leaving <paramref name="knownWords"/> (the model's whole words) alone.</summary>
    public static SpellingCorrector Create(IEnumerable<string> corpusTexts, IEnumerable<string> knownWords)
    {
        ArgumentNullException.ThrowIfNull(corpusTexts);
        ArgumentNullException.ThrowIfNull(knownWords);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var abbreviations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in corpusTexts)
        {
            foreach (Match word in Word().Matches(text))
            {
                var key = word.Value.ToLowerInvariant();
                frequencies[key] = frequencies.GetValueOrDefault(key) + 1;
            }

            foreach (Match defined in Abbreviation().Matches(text))
            {
                if (Expansion(defined.Groups["words"].Value, defined.Groups["short"].Value) is { } expansion)
                {
                    abbreviations.TryAdd(defined.Groups["short"].Value.ToLowerInvariant(), expansion);
                }
            }
        }

        return new SpellingCorrector(frequencies, knownWords, abbreviations);
    }

    /// <summary><paramref name="text"/> with shorthand expanded and misspelt words corrected; the same string when nothing changed.</summary>
    public string Correct(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var changed = false;
        var lookups = 0;
        var corrected = Word().Replace(text, match =>
        {
            var replacement = Replace(match.Value.ToLowerInvariant(), ref lookups);
            changed |= replacement is not null;
            return replacement ?? match.Value;
        });
        return changed ? corrected : text;
    }

    /// <summary>How often <paramref name="word"/> (as written, any case) occurs in the corpus.</summary>
    public int Occurrences(string word) => _frequencies.GetValueOrDefault((word ?? string.Empty).ToLowerInvariant());

    /// <summary><paramref name="text"/> with the abbreviations the articles define spelt out, and nothing else changed.</summary>
    public string SpellOut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _abbreviations.Count == 0 ? text : Word().Replace(text, match => SpeltOut(match.Value.ToLowerInvariant(), match.Value) ?? match.Value);
    }

    /// <summary>"multiple sclerosis (<paramref name="written"/>)" for an abbreviation the articles define (<paramref name="word"/> lower-cased); null for any other word.</summary>
    private string? SpeltOut(string word, string written) => _abbreviations.TryGetValue(word, out var spelt) ? $"{spelt} ({written})" : null;

    private string? Replace(string word, ref int lookups)
    {
        if (Shorthand.Value.TryGetValue(word, out var expanded))
        {
            return expanded;
        }

        if (SpeltOut(word, word) is { } spelt)
        {
            return spelt;
        }

        if (word.Length < MinLength || word.Contains('\'', StringComparison.Ordinal) || word.Contains('’', StringComparison.Ordinal) || _frequencies.ContainsKey(word) || Stem(word) is var stem && (_corpusStems.Contains(stem) || _knownStems.Contains(stem))
            || ++lookups > MaxLookups)
        {
            return null;
        }

        for (var distance = 1; distance <= (word.Length >= LongWord ? 2 : 1); distance++)
        {
            var within = new CharacterRunAutomaton(new LevenshteinAutomata(word, withTranspositions: true).ToAutomaton(distance));
            if (_byFrequency.FirstOrDefault(candidate => Math.Abs(candidate.Length - word.Length) <= distance && Plausible(word, candidate, distance) && within.Run(candidate)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Typing rarely gets a word's first letter wrong, and two slips rarely touch its last one too: without these,
    /// "creatine" would read as "treating" and "geneticist" as "genetics".
    /// </summary>
    private static bool Plausible(string word, string candidate, int distance) =>
        candidate[0] == word[0] && (distance == 1 || candidate[^1] == word[^1]);

    private static string Stem(string word)
    {
        var stemmer = new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static Dictionary<string, string> ReadShorthand()
    {
        using var stream = typeof(SpellingCorrector).Assembly.GetManifestResourceStream("Bot.Knowledge.Understanding.TextSpeak.txt")
            ?? throw new InvalidOperationException("The shorthand table is not embedded in Bot.Knowledge.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#') && line.Split(' ', 2) is [var shorthand, var words])
            {
                table[shorthand] = words;
            }
        }

        return table;
    }

    /// <summary>The last words before an abbreviation whose initials spell it ("the myelin ... Multiple sclerosis" for "MS"), lower-cased; null if none do.</summary>
    private static string? Expansion(string before, string abbreviation)
    {
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < abbreviation.Length)
        {
            return null;
        }

        var candidate = words[^abbreviation.Length..];
        return string.Concat(candidate.Select(word => char.ToLowerInvariant(word[0]))) == abbreviation.ToLowerInvariant()
            ? string.Join(' ', candidate).ToLowerInvariant()
            : null;
    }

    /// <summary>An abbreviation in parentheses after the words it stands for: "Spinal muscular atrophy (SMA)".</summary>
    [GeneratedRegex(@"(?<words>(?:[A-Za-z][\w-]*\s+){2,6})\((?<short>[A-Z]{2,6})\)")]
    private static partial Regex Abbreviation();

    /// <summary>A word: letters, with apostrophes inside ("don't").</summary>
    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)*")]
    private static partial Regex Word();
}
