using Bot.Knowledge.Corpus;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Bot.Knowledge.Indexing;

/// <summary>Maps a passage onto its Lucene document: body, heading, the preceding passage of its section, its source's title, its example questions, its spellings and its id.</summary>
internal static class PassageDocuments
{
    private static readonly FieldType BodyType = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    });

    private static readonly FieldType AnyType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    private static readonly FieldType SpellingType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    /// <summary>The document of <paramref name="passage"/>, whose predecessor in the corpus is <paramref name="before"/>.</summary>
    public static Document Create(Passage passage, Passage? before, IReadOnlyDictionary<string, SourceMetadata> sources, IReadOnlyList<string> examples)
    {
        var document = new Document
        {
            new NumericDocValuesField(PassageFields.PassageId, passage.Id),
            new Field(PassageFields.Spelling, passage.Text, SpellingType),
        };
        document.Add(new Field(PassageFields.Body, passage.Text, BodyType));
        document.Add(new Field(PassageFields.Any, passage.Text, AnyType));

        // An entry of the clinic's questions and answers is found by its questions, as an article passage by its heading.
        if ((passage.Questions.Count > 0 ? string.Join('\n', passage.Questions) : passage.Heading) is { } heading)
        {
            document.Add(new Field(PassageFields.Heading, heading, TextField.TYPE_NOT_STORED));
            document.Add(new Field(PassageFields.Any, heading, AnyType));
        }

        if (before is not null && before.SourceId == passage.SourceId && before.Heading == passage.Heading)
        {
            document.Add(new Field(PassageFields.Context, before.Text, TextField.TYPE_NOT_STORED));
            document.Add(new Field(PassageFields.Any, before.Text, AnyType));
        }

        if (examples.Count > 0)
        {
            document.Add(new Field(PassageFields.Examples, string.Join('\n', examples), TextField.TYPE_NOT_STORED));
        }

        if (sources.TryGetValue(passage.SourceId, out var source))
        {
            document.Add(new Field(PassageFields.Title, source.DisplayTitle, TextField.TYPE_NOT_STORED));
        }

        return document;
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
