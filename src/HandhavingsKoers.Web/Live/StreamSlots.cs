using HandhavingsKoers.Web.Security;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Live;

/// <summary>
/// Counts the open event streams (<see cref="LiveEndpoint"/>): per client address, per holder (one participant, or
/// the facilitator of one workshop) and for the whole process, so that nobody can hold thousands of connections open
/// and memory stays bounded. An open page holds one slot until its stream ends.
/// </summary>
public sealed class StreamSlots(IOptions<SecurityOptions> options)
{
    private readonly Lock _gate = new();

    // Only keys with at least one open stream are kept, so the table is as small as what is open.
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Why a stream could not be opened, or that it could.</summary>
    public enum Outcome
    {
        Granted,

        /// <summary>This address or this participant (or facilitator) has as many open as allowed.</summary>
        ClientFull,

        /// <summary>The process has as many open as allowed, from all clients together.</summary>
        ServerFull,
    }

    /// <summary>The streams open now, from everyone.</summary>
    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>The addresses and holders with at least one open stream (what the table keeps).</summary>
    public int TrackedClients
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// Takes a slot for a stream from <paramref name="address"/> held by <paramref name="holder"/>; the returned slot
    /// gives it back when disposed (once). Null, with the reason, when a limit is reached.
    /// </summary>
    public IDisposable? TryTake(string address, string holder, out Outcome outcome)
    {
        var limits = options.Value;
        var byAddress = "address:" + address;
        var byHolder = "holder:" + holder;
        lock (_gate)
        {
            if (_total >= limits.MaxOpenStreams)
            {
                outcome = Outcome.ServerFull;
                return null;
            }

            if (Count(byAddress) >= limits.StreamsPerAddress || Count(byHolder) >= limits.StreamsPerParticipant)
            {
                outcome = Outcome.ClientFull;
                return null;
            }

            _open[byAddress] = Count(byAddress) + 1;
            _open[byHolder] = Count(byHolder) + 1;
            _total++;
        }

        outcome = Outcome.Granted;
        return new Slot(this, byAddress, byHolder);
    }

    private int Count(string key) => _open.GetValueOrDefault(key);

    private void Release(string byAddress, string byHolder)
    {
        lock (_gate)
        {
            Decrement(byAddress);
            Decrement(byHolder);
            _total--;
        }
    }

    private void Decrement(string key)
    {
        var left = Count(key) - 1;
        if (left <= 0)
        {
            _open.Remove(key);
        }
        else
        {
            _open[key] = left;
        }
    }

    private sealed class Slot(StreamSlots slots, string byAddress, string byHolder) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(byAddress, byHolder);
            }
        }
    }
}
