using System.Text.Json.Serialization;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// How <see cref="HybridRanker"/> weighs what it knows of a candidate passage, and how its confidence is calibrated.
/// Produced by <c>bot tune</c> from labelled questions (cross-validated) and shipped as <c>RankingWeights.json</c>.
/// </summary>
/// <param name="Lexical">Weight of the lexical score, as a share of the question's best lexical score.</param>
/// <param name="Coverage">Weight of the share of the question's words the passage matches.</param>
/// <param name="Passage">Weight of the question's cosine with the whole passage.</param>
/// <param name="Sentence">Weight of the question's cosine with the passage's closest sentence.</param>
/// <param name="Question">Weight of the question's cosine with the closest example question the passage answers.</param>
/// <param name="Calibration">Logistic coefficients over <see cref="ConfidenceFeatures"/>, intercept first.</param>
/// <param name="MinConfidence">Answers below this confidence are declined.</param>
public sealed record RankingWeights(
    [property: JsonPropertyName("lexical")] double Lexical,
    [property: JsonPropertyName("coverage")] double Coverage,
    [property: JsonPropertyName("passage")] double Passage,
    [property: JsonPropertyName("sentence")] double Sentence,
    [property: JsonPropertyName("question")] double Question,
    [property: JsonPropertyName("calibration")] double[] Calibration,
    [property: JsonPropertyName("minConfidence")] double MinConfidence)
{
    /// <summary>How many features the confidence is calibrated on.</summary>
    public const int FeatureCount = 8;

    /// <summary>The names of the features the confidence is calibrated on, in order (<see cref="FeatureCount"/> of them).</summary>
    public static readonly string[] ConfidenceFeatures = ["sentence cosine", "passage cosine", "question cosine", "coverage", "score", "margin", "unanswerable cosine", "log words"];

    /// <summary>The weights shipped with this assembly.</summary>
    public static RankingWeights Shipped { get; } = Load();

    /// <summary>
    /// The calibrated probability that an answer from <paramref name="top"/> is right, given the runner-up's score and
    /// the question's cosine with the closest question no passage answers, for a question of <paramref name="words"/> words.
    /// </summary>
    public double Confidence(RankedPassage top, double runnerUpScore, double unanswerableCosine, int words)
    {
        ArgumentNullException.ThrowIfNull(top);
        double[] features = [.. Features(top, runnerUpScore, unanswerableCosine, words)];
        var logit = Calibration[0];
        for (var i = 0; i < features.Length && i + 1 < Calibration.Length; i++)
        {
            logit += Calibration[i + 1] * features[i];
        }

        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>
    /// A candidate's score: the weighted mean of what is known of it. A mean, not a sum, so that weights ranking alike
    /// (0.25/1 and 0.5/2) give alike scores, and the calibration's score and margin mean the same whichever weights
    /// cross-validation chose.
    /// </summary>
    public double Score(double lexical, double coverage, double passageCosine, double sentenceCosine, double questionCosine)
    {
        var total = Lexical + Coverage + Passage + Sentence + Question;
        var sum = (Lexical * lexical) + (Coverage * coverage) + (Passage * passageCosine) + (Sentence * sentenceCosine) + (Question * questionCosine);
        return total > 0 ? sum / total : 0;
    }

    /// <summary>The words of a question, as the confidence counts them (longer messages match any passage less closely).</summary>
    public static int WordCount(string question) => (question ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The values of <see cref="ConfidenceFeatures"/> for one top candidate of a question of <paramref name="words"/> words.</summary>
    public static IEnumerable<double> Features(RankedPassage top, double runnerUpScore, double unanswerableCosine, int words)
    {
        ArgumentNullException.ThrowIfNull(top);
        return [top.SentenceCosine, top.PassageCosine, top.QuestionCosine, top.Coverage, top.Score, top.Score - runnerUpScore, unanswerableCosine, Math.Log(1 + words)];
    }

    private static RankingWeights Load()
    {
        using var stream = typeof(RankingWeights).Assembly.GetManifestResourceStream("Bot.Knowledge.Retrieval.RankingWeights.json")
            ?? throw new InvalidOperationException("The ranking weights are not embedded in Bot.Knowledge.");
        return System.Text.Json.JsonSerializer.Deserialize<RankingWeights>(stream) ?? throw new InvalidDataException("The ranking weights file is empty.");
    }
}
