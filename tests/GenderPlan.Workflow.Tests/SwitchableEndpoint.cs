using System.Net;
using System.Net.Sockets;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A loopback endpoint that first accepts connections and never answers (a service that hangs), then, once
/// switched, forwards each new connection to a real server. Connections accepted while hanging stay silent
/// for good, so nothing the client gave up on is ever delivered behind its back.
/// </summary>
internal sealed class SwitchableEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;
    private volatile Uri? _forwardTo;

    public SwitchableEndpoint()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Connections accepted and left unanswered so far.</summary>
    public int Unanswered
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>New connections go to <paramref name="server"/> from now on.</summary>
    public void ForwardTo(string server) => _forwardTo = new Uri(server);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_forwardTo is not { } target)
            {
                lock (_held)
                {
                    _held.Add(client);
                }

                continue;
            }

            _ = ForwardAsync(client, target);
        }
    }

    private async Task ForwardAsync(TcpClient client, Uri target)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(target.Host, target.Port, _stop.Token);
            var up = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            try
            {
                await Task.WhenAny(up, down);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_held)
        {
            _held.ForEach(client => client.Dispose());
        }

        _stop.Dispose();
    }
}
