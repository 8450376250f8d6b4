namespace Bot.Knowledge.Analysis;

/// <summary>
/// Synonym rules read from a Solr-format synonyms file. A line <c>a, b, c</c> makes its entries equivalent:
/// each stands for one group term (<c>~a</c>), so a question using any of them matches text using any other.
/// A line <c>a, b => c</c> maps a and b onto c's terms one way. Entries may be several words; they are analyzed
/// by the same chain as the text (case, possessives, stop words, stems), so inflections match too.
/// Blank lines and lines starting with <c>#</c> are ignored.
/// </summary>
public sealed class SynonymMap
{
    /// <summary>The prefix of group terms; the tokenizer never produces it, so group terms never clash with words.</summary>
    public const string GroupPrefix = "~";

    private readonly Dictionary<string, List<Rule>> _rulesByFirstTerm = new(StringComparer.Ordinal);

    private SynonymMap()
    {
    }

    /// <summary>An empty map.</summary>
    public static SynonymMap Empty { get; } = new();

    /// <summary>Parses a synonyms file; <paramref name="analyze"/> turns an entry into its terms.</summary>
    /// <exception cref="FormatException">A line has an empty entry or more than one <c>=></c>.</exception>
    public static SynonymMap Parse(string text, Func<string, string[]> analyze)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analyze);
        var map = new SynonymMap();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var sides = line.Split("=>");
            if (sides.Length > 2)
            {
                throw new FormatException($"synonyms line {lineNumber}: more than one '=>'");
            }

            var inputs = ParseEntries(sides[0], analyze, lineNumber);
            string[] outputs = sides.Length == 2
                ? ParseEntries(sides[1], analyze, lineNumber).SelectMany(terms => terms).Distinct().ToArray()
                : [GroupPrefix + string.Join('_', inputs[0])];
            foreach (var phrase in inputs)
            {
                map.Add(new Rule(phrase, outputs));
            }
        }

        return map;
    }

    /// <summary>The longest rule whose phrase starts at <paramref name="index"/> of the first <paramref name="count"/> tokens, if any.</summary>
    internal Rule? LongestMatch(List<Token> tokens, int index, int count)
    {
        if (!_rulesByFirstTerm.TryGetValue(tokens[index].Term, out var rules))
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (Matches(rule.Phrase, tokens, index, count))
            {
                return rule;
            }
        }

        return null;
    }

    private static bool Matches(string[] phrase, List<Token> tokens, int index, int count)
    {
        if (index + phrase.Length > count)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(phrase[i], tokens[index + i].Term, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string[]> ParseEntries(string side, Func<string, string[]> analyze, int lineNumber)
    {
        var entries = new List<string[]>();
        foreach (var entry in side.Split(','))
        {
            var terms = analyze(entry.Trim());
            if (terms.Length == 0)
            {
                throw new FormatException($"synonyms line {lineNumber}: entry '{entry.Trim()}' has no terms after analysis");
            }

            entries.Add(terms);
        }

        return entries;
    }

    private void Add(Rule rule)
    {
        if (!_rulesByFirstTerm.TryGetValue(rule.Phrase[0], out var rules))
        {
            rules = [];
            _rulesByFirstTerm.Add(rule.Phrase[0], rules);
        }

        rules.Add(rule);
        rules.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    /// <summary>One phrase and the terms it stands for.</summary>
    internal sealed record Rule(string[] Phrase, string[] Outputs);
}
