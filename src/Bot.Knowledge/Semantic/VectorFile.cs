using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// A file that holds <see cref="PassageVectors"/>' float32 rows instead of memory, mapped and read only for the
/// passages whose exact cosines a question needs (the scan reads the quantised rows, which stay in memory): a large
/// corpus's float32 vectors cost page cache the system can reclaim, not the process's memory. The caller owns it;
/// the file is deleted when it is disposed.
/// </summary>
public sealed class VectorFile : IDisposable
{
    private readonly string _path;
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;

    /// <summary>A vector file at <paramref name="path"/> (created, or replaced, when the vectors are written).</summary>
    public VectorFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
    }

    /// <summary>Bytes the rows take on disk.</summary>
    public long Bytes { get; private set; }

    /// <summary>Writes <paramref name="blocks"/> one after another and maps them; returns each block's first float's offset.</summary>
    internal long[] Write(params float[][] blocks)
    {
        if (_map is not null)
        {
            throw new InvalidOperationException("The vector file is written once.");
        }

        var offsets = new long[blocks.Length];
        using (var stream = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var at = 0L;
            for (var i = 0; i < blocks.Length; i++)
            {
                offsets[i] = at;
                stream.Write(MemoryMarshal.AsBytes(blocks[i].AsSpan()));
                at += blocks[i].LongLength;
            }

            Bytes = at * sizeof(float);
        }

        if (Bytes > 0)
        {
            _map = MemoryMappedFile.CreateFromFile(_path, FileMode.Open, mapName: null, 0, MemoryMappedFileAccess.Read);
            _view = _map.CreateViewAccessor(0, Bytes, MemoryMappedFileAccess.Read);
        }

        return offsets;
    }

    /// <summary>Fills <paramref name="into"/> with the floats from <paramref name="offset"/> on, and returns it.</summary>
    internal Span<float> Read(long offset, Span<float> into)
    {
        ObjectDisposedException.ThrowIf(_view is null && Bytes > 0, this);
        if (into.Length > 0)
        {
            _view!.SafeMemoryMappedViewHandle.ReadSpan((ulong)(offset * sizeof(float)), into);
        }

        return into;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _view?.Dispose();
        _map?.Dispose();
        (_view, _map) = (null, null);
        File.Delete(_path);
    }
}
