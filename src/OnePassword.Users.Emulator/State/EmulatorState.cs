using System.Security.Cryptography;
using System.Text;
using OnePassword.Users.Emulator.State;

namespace OnePassword.Users.Emulator;

/// <summary>
/// Everything the emulator holds: accounts, users, OAuth clients and issued tokens. Tests seed it
/// before calls and inspect it afterwards. Thread-safe: one lock guards all of it, and the records
/// handed out are immutable snapshots.
/// </summary>
public sealed class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccountUsers> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<string>> _tokensByClient = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly int _maxTokensPerClient;
    private int _sweepAt = MinimumSweepSize;

    private const int MinimumSweepSize = 1024;

    internal EmulatorState(TimeProvider timeProvider, int maxTokensPerClient = 1000)
    {
        _timeProvider = timeProvider;
        _maxTokensPerClient = maxTokensPerClient;
    }

    /// <summary>The ids of all accounts, in the order they were added.</summary>
    public IReadOnlyList<string> AccountIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts.Keys];
            }
        }
    }

    /// <summary>The registered OAuth clients.</summary>
    public IReadOnlyList<EmulatorClient> Clients
    {
        get
        {
            lock (_gate)
            {
                return [.. _clients.Values];
            }
        }
    }

    /// <summary>The tokens the emulator still holds: live ones, and revoked or expired ones it has not forgotten yet.</summary>
    public IReadOnlyList<IssuedToken> Tokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokens.Values];
            }
        }
    }

    /// <summary>Adds an empty account; does nothing when it exists.</summary>
    /// <param name="accountId">The account id.</param>
    public void AddAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        lock (_gate)
        {
            _accounts.TryAdd(accountId, new AccountUsers());
        }
    }

    /// <summary>Whether the account exists.</summary>
    /// <param name="accountId">The account id.</param>
    public bool HasAccount(string accountId)
    {
        lock (_gate)
        {
            return _accounts.ContainsKey(accountId);
        }
    }

    /// <summary>Adds a user to an existing account.</summary>
    /// <param name="accountId">The account; it must exist.</param>
    /// <param name="email">The email address, unique within the account.</param>
    /// <param name="displayName">The display name.</param>
    /// <param name="role">The role, which decides the suspension rules.</param>
    /// <param name="state">The initial state.</param>
    /// <param name="externallyManaged">Whether an identity provider manages the user.</param>
    /// <param name="createTime">The creation time; the emulator's current time when <see langword="null"/>.</param>
    /// <param name="id">The user id; derived from the account and email when <see langword="null"/>.</param>
    /// <returns>The added user.</returns>
    public EmulatorUser AddUser(
        string accountId,
        string email,
        string displayName,
        UserRole role = UserRole.Member,
        UserState state = UserState.Active,
        bool externallyManaged = false,
        DateTimeOffset? createTime = null,
        string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(displayName);
        var user = new EmulatorUser(
            string.IsNullOrEmpty(id) ? UserIds.Derive($"{accountId}/{email.ToUpperInvariant()}") : id,
            accountId,
            email,
            displayName,
            role,
            state,
            externallyManaged,
            (createTime ?? _timeProvider.GetUtcNow()).ToUniversalTime());
        lock (_gate)
        {
            AccountOrThrow(accountId).Add(user);
        }

        return user;
    }

    /// <summary>The user, or <see langword="null"/> when the account or user does not exist.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="userId">The user id.</param>
    public EmulatorUser? GetUser(string accountId, string userId)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(accountId, out var users) && users.TryGet(userId, out var user) ? user : null;
        }
    }

    /// <summary>All users of the account in list order (creation time, then id).</summary>
    /// <param name="accountId">The account id; it must exist.</param>
    public IReadOnlyList<EmulatorUser> ListUsers(string accountId)
    {
        lock (_gate)
        {
            return [.. AccountOrThrow(accountId).InOrder];
        }
    }

    /// <summary>The number of users in the account, optionally only those in <paramref name="state"/>.</summary>
    /// <param name="accountId">The account id; it must exist.</param>
    /// <param name="state">The state to count, or <see langword="null"/> for all users.</param>
    public int CountUsers(string accountId, UserState? state = null)
    {
        lock (_gate)
        {
            var users = AccountOrThrow(accountId);
            return state is null ? users.Count : users.InOrder.Count(user => user.State == state);
        }
    }

    /// <summary>Sets a user's state directly, bypassing the API's suspension rules; for arranging tests.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="userId">The user id; it must exist.</param>
    /// <param name="state">The new state.</param>
    /// <returns>The updated user.</returns>
    public EmulatorUser SetUserState(string accountId, string userId, UserState state)
    {
        lock (_gate)
        {
            var users = AccountOrThrow(accountId);
            if (!users.TryGet(userId, out var user))
            {
                throw new KeyNotFoundException($"Account {accountId} has no user {userId}.");
            }

            var updated = user with { State = state };
            users.Replace(updated);
            return updated;
        }
    }

    /// <summary>The number of tokens the emulator holds, including revoked and expired ones it has not forgotten yet.</summary>
    public int CountTokens()
    {
        lock (_gate)
        {
            return _tokens.Count;
        }
    }

    /// <summary>The number of tokens that still work now: neither revoked nor expired by the emulator's clock.</summary>
    public int CountActiveTokens()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            return _tokens.Values.Count(token => token.IsActiveAt(now));
        }
    }

    /// <summary>Whether <paramref name="accessToken"/> works now.</summary>
    /// <param name="accessToken">The bearer token.</param>
    public bool IsTokenActive(string accessToken) => FindActiveToken(accessToken) is not null;

    internal EmulatorClient AddClient(EmulatorClient client)
    {
        lock (_gate)
        {
            AccountOrThrow(client.AccountId);
            if (!_clients.TryAdd(client.ClientId, client))
            {
                throw new InvalidOperationException($"A client with id {client.ClientId} already exists.");
            }
        }

        return client;
    }

    /// <summary>The client whose id and secret match, compared in constant time so the emulator models good practice.</summary>
    internal EmulatorClient? AuthenticateClient(string clientId, string clientSecret)
    {
        EmulatorClient? client;
        lock (_gate)
        {
            _clients.TryGetValue(clientId, out client);
        }

        return client is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(client.ClientSecret),
            Encoding.UTF8.GetBytes(clientSecret))
            ? client
            : null;
    }

    internal IssuedToken IssueToken(EmulatorClient client, TimeSpan lifetime)
    {
        var now = _timeProvider.GetUtcNow();
        var token = new IssuedToken(Secrets.Generate(32), client.ClientId, client.AccountId, now, now + lifetime, Revoked: false);
        lock (_gate)
        {
            _tokens.Add(token.AccessToken, token);
            if (!_tokensByClient.TryGetValue(client.ClientId, out var issued))
            {
                _tokensByClient[client.ClientId] = issued = new Queue<string>();
            }

            issued.Enqueue(token.AccessToken);
            while (issued.Count > _maxTokensPerClient)
            {
                _tokens.Remove(issued.Dequeue());
            }

            if (_tokens.Count >= _sweepAt)
            {
                ForgetExpired(now);
            }
        }

        return token;
    }

    /// <summary>
    /// Forgets tokens past their expiry (revoked ones included: they would be refused anyway).
    /// Runs when the store has doubled since the last sweep, so issuing stays cheap on average.
    /// </summary>
    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var expired in _tokens.Values.Where(token => token.ExpiresAt <= now).Select(token => token.AccessToken).ToList())
        {
            _tokens.Remove(expired);
        }

        foreach (var queue in _tokensByClient.Values)
        {
            var live = queue.Where(_tokens.ContainsKey).ToList();
            queue.Clear();
            foreach (var accessToken in live)
            {
                queue.Enqueue(accessToken);
            }
        }

        _sweepAt = Math.Max(MinimumSweepSize, _tokens.Count * 2);
    }

    /// <summary>Revokes the token when <paramref name="client"/> owns it and it still works; reports whether it did.</summary>
    internal bool RevokeToken(EmulatorClient client, string accessToken)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_tokens.TryGetValue(accessToken, out var token) || token.ClientId != client.ClientId || !token.IsActiveAt(now))
            {
                return false;
            }

            _tokens[accessToken] = token with { Revoked = true };
            return true;
        }
    }

    /// <summary>The token and its client when the token works now; <see langword="null"/> otherwise.</summary>
    internal (IssuedToken Token, EmulatorClient Client)? FindActiveToken(string accessToken)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            return _tokens.TryGetValue(accessToken, out var token) && token.IsActiveAt(now) && _clients.TryGetValue(token.ClientId, out var client)
                ? (token, client)
                : null;
        }
    }

    /// <summary>One page of users after <paramref name="after"/>, and whether more matching users follow it.</summary>
    internal (IReadOnlyList<EmulatorUser> Page, bool HasMore) ListPage(string accountId, UserState? state, UserOrderKey? after, int pageSize)
    {
        lock (_gate)
        {
            var matching = AccountOrThrow(accountId).After(after).Where(user => state is null || user.State == state);

            // Taking one extra tells whether a next page exists, so the last page never carries a token.
            var window = matching.Take(pageSize + 1).ToList();
            var hasMore = window.Count > pageSize;
            if (hasMore)
            {
                window.RemoveAt(pageSize);
            }

            return (window, hasMore);
        }
    }

    internal StateChange Suspend(string accountId, string userId)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var users) || !users.TryGet(userId, out var user))
            {
                return new StateChange(StateChangeOutcome.NotFound, null);
            }

            // Suspending a suspended user changes nothing, so the refusal rules only guard real changes.
            if (user.State == UserState.Suspended)
            {
                return new StateChange(StateChangeOutcome.Applied, user);
            }

            if (user.Role == UserRole.Admin && user.ExternallyManaged)
            {
                return new StateChange(StateChangeOutcome.ExternallyManagedAdmin, null);
            }

            if (user.Role == UserRole.Owner && users.CountActiveOwners() <= 1)
            {
                return new StateChange(StateChangeOutcome.LastOwner, null);
            }

            var updated = user with { State = UserState.Suspended };
            users.Replace(updated);
            return new StateChange(StateChangeOutcome.Applied, updated);
        }
    }

    internal StateChange Reactivate(string accountId, string userId)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var users) || !users.TryGet(userId, out var user))
            {
                return new StateChange(StateChangeOutcome.NotFound, null);
            }

            var updated = user with { State = UserState.Active };
            users.Replace(updated);
            return new StateChange(StateChangeOutcome.Applied, updated);
        }
    }

    private AccountUsers AccountOrThrow(string accountId) =>
        _accounts.TryGetValue(accountId, out var users)
            ? users
            : throw new KeyNotFoundException($"The emulator has no account {accountId}; add it with AddAccount first.");
}
