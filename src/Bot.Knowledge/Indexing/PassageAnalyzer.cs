using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// The one analysis chain of passages and questions, wired from Lucene's own components: StandardTokenizer (UAX #29
/// words), EnglishPossessiveFilter, LowerCaseFilter, StopFilter over the corpus folder's stop words, SnowballFilter
/// (Porter2 English), then SynonymFilter over the corpus folder's Solr-format synonyms, read by
/// <see cref="GroupingSynonymParser"/> (each line's group term stacked on its entries). Synonyms come after the stemmer
/// so that an entry covers its inflections ("symptoms" also "symptom"), as the synonyms file promises; the file's
/// entries are analyzed by the same chain. The <see cref="PassageFields.Spelling"/> field gets words only lower-cased,
/// for typo correction against what people actually type.
/// </summary>
public sealed class PassageAnalyzer : Analyzer
{
    /// <summary>The Lucene compatibility version of every component.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Changes whenever the chain changes, so a persisted index built by another chain is rebuilt.</summary>
    public const string ChainVersion = "standard-possessive-lower-stop-snowball-synonym-groups/1";

    /// <summary>The longest token kept; longer runs are cut, so hostile input cannot make huge terms.</summary>
    public const int MaxTokenLength = 64;

    private readonly CharArraySet _stopWords;
    private readonly SynonymMap? _synonyms;
    private readonly bool _readsSynonymEntries;

    private PassageAnalyzer(CharArraySet stopWords, SynonymMap? synonyms, bool readsSynonymEntries = false)
        : base(PER_FIELD_REUSE_STRATEGY)
    {
        _stopWords = stopWords;
        _synonyms = synonyms;
        _readsSynonymEntries = readsSynonymEntries;
    }

    /// <summary>The stop-word list and synonyms text the analyzer was made from, for the index's rebuild rule.</summary>
    public string Description { get; private init; } = string.Empty;

    /// <summary>Creates the chain from a stop-word list (one word a line, <c>#</c> starts a comment) and a Solr-format synonyms text.</summary>
    /// <exception cref="FormatException">The synonyms text is not valid Solr format.</exception>
    public static PassageAnalyzer Create(string stopWordsText, string synonymsText)
    {
        ArgumentNullException.ThrowIfNull(stopWordsText);
        ArgumentNullException.ThrowIfNull(synonymsText);
        var stopWords = new CharArraySet(Version, ParseWordList(stopWordsText), ignoreCase: true);
        SynonymMap? synonyms = null;
        if (!string.IsNullOrWhiteSpace(synonymsText))
        {
            using var entries = new PassageAnalyzer(stopWords, null, readsSynonymEntries: true);
            var parser = new GroupingSynonymParser(entries);
            try
            {
                parser.Parse(new StringReader(synonymsText));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                throw new FormatException($"synonyms: {exception.Message}", exception);
            }

            synonyms = parser.Build();
        }

        return new PassageAnalyzer(stopWords, synonyms) { Description = $"{ChainVersion}\n{stopWordsText}\n{synonymsText}" };
    }

    /// <summary>The analyzed terms of <paramref name="text"/> in order (group terms after the words they stand on), as the body field indexes them.</summary>
    public List<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        using var stream = GetTokenStream(PassageFields.Body, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = MaxTokenLength };
        if (fieldName == PassageFields.Spelling)
        {
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
        }

        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, _stopWords);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer());
        if (_readsSynonymEntries)
        {
            stream = new ContiguousPositionsFilter(stream);
        }

        if (_synonyms is not null)
        {
            stream = new SynonymFilter(stream, _synonyms, ignoreCase: false);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    private static List<string> ParseWordList(string text) =>
        [.. text.Split('\n').Select(line => line.Split('#')[0].Trim()).Where(word => word.Length > 0)];
}
