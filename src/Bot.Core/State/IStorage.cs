namespace Bot.Core.State;

/// <summary>The state seam (Bot Builder's IStorage, simplified): JSON-serializable items by key.</summary>
public interface IStorage
{
    /// <summary>The item stored under <paramref name="key"/>, or default when none.</summary>
    Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="item"/> under <paramref name="key"/>, replacing what was there.</summary>
    Task WriteAsync<T>(string key, T item, CancellationToken cancellationToken);
}
