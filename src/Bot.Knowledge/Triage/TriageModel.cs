using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Triage;

/// <summary>
/// The meaning half of triage, trained by <c>bot train-triage</c> from the labelled examples under
/// tests/Bot.Knowledge.Tests/TestData/Triage and shipped beside this file (<c>TriageModel.json</c>: the weights and
/// thresholds; <c>TriageNeighbours.bin</c>: the examples' vectors). Two views of a message's vector, averaged for the
/// emergency verdict because cross-validation found the pair better than either alone:
/// <list type="bullet">
/// <item>a multinomial logistic model over the vector and its <see cref="TriageCues"/>: one weight vector and bias per
/// label (<c>emergency:stroke</c>, <c>safe:hyperbole</c>, <c>smalltalk:thanks</c>, <c>question</c>, …), fitted by
/// ML.NET's L-BFGS maximum entropy trainer and scored here as a matrix-vector product and a softmax, so the service
/// needs no ML.NET at run time;</item>
/// <item>the labelled examples nearest in meaning: the similarity-weighted share of emergencies among them.</item>
/// </list>
/// </summary>
public sealed class TriageModel
{
    /// <summary>Label prefix of the emergency classes.</summary>
    public const string EmergencyPrefix = "emergency:";

    /// <summary>Label prefix of the small-talk classes.</summary>
    public const string SmallTalkPrefix = "smalltalk:";

    /// <summary>How many nearest examples vote.</summary>
    public const int Neighbours = 10;

    /// <summary>How sharply closer examples outvote farther ones: a vote weighs e^(Sharpness × cosine).</summary>
    public const float Sharpness = 20;

    private readonly float[][] _weights;
    private readonly float[] _biases;
    private readonly float[][] _neighbourVectors;
    private readonly bool[] _neighbourIsEmergency;

    /// <summary>Creates a model from its parts.</summary>
    public TriageModel(string modelId, IReadOnlyList<string> labels, float[][] weights, float[] biases, IReadOnlyList<(float[] Vector, bool IsEmergency)> neighbours, string trainedOn, TriageThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(neighbours);
        if (labels.Count == 0 || weights.Length != labels.Count || biases.Length != labels.Count || weights.Any(row => row.Length != weights[0].Length))
        {
            throw new InvalidDataException("A triage model needs one weight vector of one length and one bias per label.");
        }

        ModelId = modelId;
        Labels = labels;
        TrainedOn = trainedOn;
        Thresholds = thresholds ?? throw new ArgumentNullException(nameof(thresholds));
        _weights = weights;
        _biases = biases;
        _neighbourVectors = [.. neighbours.Select(neighbour => neighbour.Vector)];
        _neighbourIsEmergency = [.. neighbours.Select(neighbour => neighbour.IsEmergency)];
        IsEmergency = [.. labels.Select(label => label.StartsWith(EmergencyPrefix, StringComparison.Ordinal))];
    }

    /// <summary>The embedding model the weights and vectors belong to.</summary>
    public string ModelId { get; }

    /// <summary>The class labels, in weight order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>A hash of the labelled examples the model was trained on.</summary>
    public string TrainedOn { get; }

    /// <summary>The decision thresholds chosen with the weights, by cross-validation.</summary>
    public TriageThresholds Thresholds { get; }

    /// <summary>Whether each label is an emergency class.</summary>
    public IReadOnlyList<bool> IsEmergency { get; }

    /// <summary>The model shipped with this assembly.</summary>
    public static TriageModel Shipped { get; } = LoadShipped();

    /// <summary>The probability of each label for <paramref name="features"/> (see <see cref="TriageCues.Features"/>), in label order.</summary>
    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        var scores = new float[_weights.Length];
        for (var label = 0; label < scores.Length; label++)
        {
            scores[label] = TensorPrimitives.Dot(_weights[label], features) + _biases[label];
        }

        TensorPrimitives.SoftMax(scores, scores);
        return scores;
    }

    /// <summary>
    /// How likely a text is an emergency: the mean of the logistic model's emergency classes (from
    /// <paramref name="probabilities"/>) and the emergency share of the nearest examples to <paramref name="vector"/>.
    /// </summary>
    public float EmergencyProbability(ReadOnlySpan<float> vector, ReadOnlySpan<float> probabilities)
    {
        var logistic = 0f;
        for (var label = 0; label < probabilities.Length; label++)
        {
            logistic += IsEmergency[label] ? probabilities[label] : 0;
        }

        return _neighbourVectors.Length == 0 ? logistic : (logistic + NeighbourVote(vector)) / 2;
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static TriageModel Read(Stream model, Stream neighbours)
    {
        var file = JsonSerializer.Deserialize<ModelFile>(model) ?? throw new InvalidDataException("The triage model file is empty.");
        return new TriageModel(file.ModelId, file.Labels, file.Weights, file.Biases, ReadNeighbours(neighbours, file.Dimensions), file.TrainedOn, file.Thresholds);
    }

    /// <summary>Writes the weights and thresholds as JSON to <paramref name="model"/>, the neighbours' vectors to <paramref name="neighbours"/> (half precision).</summary>
    public void Write(Stream model, Stream neighbours)
    {
        var dimensions = _neighbourVectors.Length == 0 ? 0 : _neighbourVectors[0].Length;
        JsonSerializer.Serialize(model, new ModelFile(ModelId, TrainedOn, Thresholds, dimensions, [.. Labels], _weights, _biases), JsonOptions);
        using var writer = new BinaryWriter(neighbours, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(_neighbourVectors.Length);
        for (var i = 0; i < _neighbourVectors.Length; i++)
        {
            writer.Write(_neighbourIsEmergency[i]);
            foreach (var value in _neighbourVectors[i])
            {
                writer.Write((Half)value);
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private float NeighbourVote(ReadOnlySpan<float> vector)
    {
        Span<float> best = stackalloc float[Neighbours];
        Span<int> index = stackalloc int[Neighbours];
        best.Fill(float.NegativeInfinity);
        for (var i = 0; i < _neighbourVectors.Length; i++)
        {
            var similarity = TensorPrimitives.Dot(_neighbourVectors[i], vector);
            if (similarity <= best[^1])
            {
                continue;
            }

            var slot = Neighbours - 1;
            for (; slot > 0 && best[slot - 1] < similarity; slot--)
            {
                best[slot] = best[slot - 1];
                index[slot] = index[slot - 1];
            }

            best[slot] = similarity;
            index[slot] = i;
        }

        var (emergency, total) = (0f, 0f);
        for (var slot = 0; slot < Math.Min(Neighbours, _neighbourVectors.Length); slot++)
        {
            var weight = MathF.Exp(Sharpness * (best[slot] - best[0]));
            total += weight;
            emergency += _neighbourIsEmergency[index[slot]] ? weight : 0;
        }

        return total == 0 ? 0 : emergency / total;
    }

    private static List<(float[] Vector, bool IsEmergency)> ReadNeighbours(Stream stream, int dimensions)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var count = reader.ReadInt32();
        var neighbours = new List<(float[], bool)>(count);
        for (var i = 0; i < count; i++)
        {
            var isEmergency = reader.ReadBoolean();
            var vector = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = (float)reader.ReadHalf();
            }

            neighbours.Add((vector, isEmergency));
        }

        return neighbours;
    }

    private static TriageModel LoadShipped()
    {
        var assembly = typeof(TriageModel).Assembly;
        using var model = assembly.GetManifestResourceStream("Bot.Knowledge.Triage.TriageModel.json");
        using var neighbours = assembly.GetManifestResourceStream("Bot.Knowledge.Triage.TriageNeighbours.bin");
        return model is null || neighbours is null
            ? throw new InvalidOperationException("The triage model is not embedded in Bot.Knowledge.")
            : Read(model, neighbours);
    }

    private sealed record ModelFile(
        [property: JsonPropertyName("modelId")] string ModelId,
        [property: JsonPropertyName("trainedOn")] string TrainedOn,
        [property: JsonPropertyName("thresholds")] TriageThresholds Thresholds,
        [property: JsonPropertyName("dimensions")] int Dimensions,
        [property: JsonPropertyName("labels")] string[] Labels,
        [property: JsonPropertyName("weights")] float[][] Weights,
        [property: JsonPropertyName("biases")] float[] Biases);
}
