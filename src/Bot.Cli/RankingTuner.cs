using System.Globalization;
using System.Text.Json;
using Bot.Knowledge;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Understanding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Bot.Cli;

/// <summary>
/// The <c>tune</c> command: chooses the <see cref="HybridRanker"/> weights by grid search with 5-fold cross-validation
/// on labelled questions (right when the sentence window cited from the top passage contains an expected phrase),
/// then calibrates the confidence (logistic regression, ML.NET, on the top candidate's features; declines count as
/// wrong answers) and the decline threshold that gets the most cases right, also cross-validated, and writes
/// <c>RankingWeights.json</c> with a calibration table. The corpus's unanswerable questions are decline cases too;
/// each case's cosine with them leaves out its own entry, as a new question would not find itself there. For the same
/// reason the engine tuned on is built without the passages' example questions that are tuning questions too.
/// </summary>
internal static class RankingTuner
{
    private const int Folds = 5;
    private const int Seed = 20261201;
    private static readonly double[] Grid = [0, 0.25, 0.5, 1, 2];
    private static readonly double[] Thresholds = [.. Enumerable.Range(1, 19).Select(i => i / 20.0)];

    public static int Run(Func<ExampleQuestions, KnowledgeBase> load, ExampleQuestions examples, IReadOnlyList<string> files, string weightsPath, TextWriter output)
    {
        // The tuning questions leave the example questions first: a new question finds neither itself nor its words there.
        var labelled = files.SelectMany(file => Evaluator.Read(file).Select(evalCase => (Case: evalCase, File: Path.GetFileName(file)))).ToArray();
        var tuning = labelled.Select(entry => Evaluator.Normalise(entry.Case.Question)).ToHashSet(StringComparer.Ordinal);
        using var engine = load(examples.Without(question => tuning.Contains(Evaluator.Normalise(question))));
        var unanswerable = examples.Unanswerable;
        var bank = unanswerable.Select((question, index) => (Text: Evaluator.Normalise(question), index)).GroupBy(entry => entry.Text).ToDictionary(group => group.Key, group => group.First().index);
        var entries = labelled.Where(entry => entry.Case.Expect is "answer" or "decline")
            .Where(entry => !bank.ContainsKey(Evaluator.Normalise(entry.Case.Question)))
            .Concat(unanswerable.Select((question, index) => (Case: new EvalCase($"unanswerable-{index + 1}", question, "decline", null), File: "the corpus's unanswerable questions")))
            .ToArray();
        var cases = entries.Select(entry => entry.Case).ToArray();
        // Each question read once, as the answer service reads it: spelled as the corpus spells it, then embedded.
        var readings = cases.Select(evalCase => Message.Read(engine.Speller.Correct(evalCase.Question), MiniLmEmbedder.Shared)).ToArray();
        var tables = cases.Select((evalCase, i) => Candidates(engine, evalCase, readings[i])).ToArray();
        var words = readings.Select(reading => RankingWeights.WordCount(reading.Text)).ToArray();
        var outside = cases.Select((evalCase, i) => (double)engine.Vectors.Unanswerable(readings[i].Vector, bank.GetValueOrDefault(Evaluator.Normalise(evalCase.Question), -1))).ToArray();
        output.WriteLine($"{cases.Length} questions ({cases.Count(c => c.Expect == "answer")} answerable) from {string.Join(", ", files.Select(Path.GetFileName))} and {unanswerable.Count} unanswerable questions of the corpus");

        var folds = cases.Select((_, i) => i % Folds).ToArray();
        new Random(Seed).Shuffle(folds);
        var heldOutTop = new Candidate?[cases.Length];
        var heldOutRunnerUp = new double[cases.Length];
        for (var fold = 0; fold < Folds; fold++)
        {
            var weights = BestWeights(tables, cases, i => folds[i] != fold);
            foreach (var i in Enumerable.Range(0, cases.Length).Where(i => folds[i] == fold))
            {
                (heldOutTop[i], heldOutRunnerUp[i]) = Top(tables[i], weights);
            }
        }

        var cvRight = Enumerable.Range(0, cases.Length).Count(i => cases[i].Expect == "answer" && heldOutTop[i]?.Right == true);
        output.WriteLine($"cross-validated: a right sentence first for {cvRight}/{cases.Count(c => c.Expect == "answer")} answerable questions");

        var final = BestWeights(tables, cases, _ => true);
        output.WriteLine($"weights on all: lexical {final.Lexical}, coverage {final.Coverage}, passage {final.Passage}, sentence {final.Sentence}, example question {final.Question}");

        // Calibration, cross-validated with the held-out tops from above.
        var predicted = new double[cases.Length];
        for (var fold = 0; fold < Folds; fold++)
        {
            var calibration = Calibrate(Enumerable.Range(0, cases.Length).Where(i => folds[i] != fold).Select(i => (heldOutTop[i], heldOutRunnerUp[i], outside[i], words[i], Right(cases[i], heldOutTop[i]))));
            foreach (var i in Enumerable.Range(0, cases.Length).Where(i => folds[i] == fold))
            {
                predicted[i] = heldOutTop[i] is { } top ? (final with { Calibration = calibration }).Confidence(top.Ranked, heldOutRunnerUp[i], outside[i], words[i]) : 0;
            }
        }

        var threshold = Thresholds.MaxBy(t => Enumerable.Range(0, cases.Length).Count(i => Correct(cases[i], heldOutTop[i], predicted[i], t)));
        output.WriteLine($"cross-validated with decline below {threshold}: {Tally(Enumerable.Range(0, cases.Length), " right ")}");
        output.WriteLine("  by threshold (answers, declines right): " + string.Join("; ", Thresholds.Select(t =>
            $"{t.ToString(CultureInfo.InvariantCulture)}: {Enumerable.Range(0, cases.Length).Count(i => cases[i].Expect == "answer" && Correct(cases[i], heldOutTop[i], predicted[i], t))}, {Enumerable.Range(0, cases.Length).Count(i => cases[i].Expect == "decline" && Correct(cases[i], heldOutTop[i], predicted[i], t))}")));
        foreach (var file in Enumerable.Range(0, cases.Length).GroupBy(i => entries[i].File))
        {
            output.WriteLine($"  held out, {file.Key}: {Tally(file, " ")}");
        }

        var styles = files.SelectMany(file => Evaluator.ReadStyles(file)).GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.First().Value);
        foreach (var style in Enumerable.Range(0, cases.Length).GroupBy(i => cases[i].Expect == "decline" ? "decline" : styles.GetValueOrDefault(cases[i].Id, "unstyled")).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {style.Key,-10} {style.Count(i => Correct(cases[i], heldOutTop[i], predicted[i], threshold))}/{style.Count()}");
        }

        output.WriteLine();
        output.WriteLine("| confidence (held out) | questions | answer right | share right |");
        output.WriteLine("|---|---:|---:|---:|");
        for (var band = 0; band < 10; band++)
        {
            var members = Enumerable.Range(0, cases.Length).Where(i => predicted[i] >= band / 10.0 && (predicted[i] < (band + 1) / 10.0 || band == 9)).ToArray();
            var right = members.Count(i => Right(cases[i], heldOutTop[i]));
            output.WriteLine($"| {band / 10.0:0.0}–{(band + 1) / 10.0:0.0} | {members.Length} | {right} | {(members.Length == 0 ? "–" : (100.0 * right / members.Length).ToString("0", CultureInfo.InvariantCulture) + " %")} |");
        }

        var tops = Enumerable.Range(0, cases.Length).Select(i => Top(tables[i], final)).ToArray();
        var shipped = final with
        {
            Calibration = Calibrate(Enumerable.Range(0, cases.Length).Select(i => (tops[i].Top, tops[i].RunnerUp, outside[i], words[i], Right(cases[i], tops[i].Top)))),
            MinConfidence = threshold,
        };
        File.WriteAllText(weightsPath, JsonSerializer.Serialize(shipped));
        output.WriteLine();
        output.WriteLine($"wrote {weightsPath}");
        return 0;

        // "right/total{separator}(answers right/total, declines right/total)" for the cases at these indexes, held out.
        string Tally(IEnumerable<int> members, string separator)
        {
            var at = members.ToArray();
            int RightOf(string? expect) => at.Count(i => (expect is null || cases[i].Expect == expect) && Correct(cases[i], heldOutTop[i], predicted[i], threshold));
            int Total(string expect) => at.Count(i => cases[i].Expect == expect);
            return $"{RightOf(null)}/{at.Length}{separator}(answers {RightOf("answer")}/{Total("answer")}, declines {RightOf("decline")}/{Total("decline")})";
        }
    }

    private static bool Right(EvalCase evalCase, Candidate? top) => evalCase.Expect == "answer" && top?.Right == true;

    private static bool Correct(EvalCase evalCase, Candidate? top, double confidence, double threshold) =>
        evalCase.Expect == "decline" ? confidence < threshold : confidence >= threshold && top?.Right == true;

    private static RankingWeights BestWeights(Candidate[][] tables, EvalCase[] cases, Func<int, bool> include)
    {
        var best = (Right: -1, Weights: RankingWeights.Shipped);
        foreach (var lexical in Grid)
        {
            foreach (var coverage in Grid)
            {
                foreach (var passage in Grid)
                {
                    foreach (var sentence in Grid)
                    {
                        foreach (var question in Grid)
                        {
                            var weights = new RankingWeights(lexical, coverage, passage, sentence, question, [0], 0);
                            var right = Enumerable.Range(0, cases.Length).Count(i => include(i) && cases[i].Expect == "answer" && Top(tables[i], weights).Top?.Right == true);
                            best = right > best.Right ? (right, weights) : best;
                        }
                    }
                }
            }
        }

        return best.Weights;
    }

    private static (Candidate? Top, double RunnerUp) Top(Candidate[] table, RankingWeights weights)
    {
        var scored = table.Select(candidate => (candidate, Score: weights.Score(candidate.Ranked.Lexical, candidate.Ranked.Coverage, candidate.Ranked.PassageCosine, candidate.Ranked.SentenceCosine, candidate.Ranked.QuestionCosine))).OrderByDescending(pair => pair.Score).Take(2).ToArray();
        return scored.Length == 0
            ? (null, 0)
            : (scored[0].candidate with { Ranked = scored[0].candidate.Ranked with { Score = scored[0].Score } }, scored.Length > 1 ? scored[1].Score : 0);
    }

    /// <summary>
    /// Logistic regression on the features; a light L2 penalty only (chosen by cross-validation: ML.NET's default L1
    /// and L2 of 1 shrink the cosines, whose useful range is a few tenths, until they barely count).
    /// </summary>
    private static double[] Calibrate(IEnumerable<(Candidate? Top, double RunnerUp, double Unanswerable, int Words, bool Right)> rows)
    {
        var data = rows.Where(row => row.Top is not null).Select(row => new CalibrationRow
        {
            Label = row.Right,
            Features = [.. RankingWeights.Features(row.Top!.Ranked, row.RunnerUp, row.Unanswerable, row.Words).Select(value => (float)value)],
        }).ToArray();
        var ml = new MLContext(Seed);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 0.1f }).Fit(ml.Data.LoadFromEnumerable(data));
        var parameters = model.Model.SubModel;
        return [parameters.Bias, .. parameters.Weights];
    }

    /// <summary>Every original passage for the case's question, with its features and whether citing it would be right.</summary>
    private static Candidate[] Candidates(KnowledgeBase engine, EvalCase evalCase, Message reading)
    {
        var lexical = engine.Searcher.Search(reading.Text, 30);
        var ranked = new HybridRanker(engine.Vectors, new RankingWeights(0, 0, 0, 0, 0, [0], 0)).Rank(engine.Corpus.Passages, lexical, reading.Vector);
        var phrases = (evalCase.ContainsAny ?? []).Select(Evaluator.Normalise).ToArray();
        return [.. ranked.Select(candidate => new Candidate(candidate, phrases.Length > 0 && phrases.Any(Window(candidate, evalCase.Question, engine.Speller).Contains)))];
    }

    /// <summary>The window the answer service cites from the candidate, from the same opening sentence (see <see cref="OpeningSentence"/>).</summary>
    private static string Window(RankedPassage candidate, string question, SpellingCorrector speller)
    {
        var sentences = SentenceSplitter.Split(candidate.Passage.Text);
        if (candidate.SentenceIndex < 0 || candidate.SentenceIndex >= sentences.Count)
        {
            return Evaluator.Normalise(candidate.Passage.Text);
        }

        var opening = OpeningSentence.Choose(question, candidate.Passage.Text, sentences, candidate.SentenceIndex, speller.Occurrences);
        var snippet = new Bot.Knowledge.Highlight.SentenceWindow().Grow(candidate.Passage, sentences, opening, opening, 0);
        return Evaluator.Normalise(snippet.Text);
    }

    private sealed record Candidate(RankedPassage Ranked, bool Right);

    private sealed class CalibrationRow
    {
        public bool Label { get; set; }

        [VectorType(RankingWeights.FeatureCount)]
        public float[] Features { get; set; } = [];
    }
}
