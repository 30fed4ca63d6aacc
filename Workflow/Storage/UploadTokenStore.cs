using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>A token just issued: the only moment it exists outside the link it goes into.</summary>
/// <param name="Unit">The unit it speaks for.</param>
/// <param name="Token">The token, to put in the link.</param>
/// <param name="IssuedAt">When it was issued.</param>
public sealed record IssuedToken(string Unit, string Token, DateTimeOffset IssuedAt);

/// <summary>
/// The upload links' tokens (<c>UploadTokens</c>). A token is 256 random bits, written into a link once and
/// stored only as its SHA-256 hash, so a reader of storage cannot rebuild a link. A unit holds one standing
/// token (from <c>genderplan links</c>) and the tokens of the emails it was sent, which expire; rotating a
/// unit deletes all of them at once, so every old link stops working.
/// </summary>
public sealed class UploadTokenStore
{
    /// <summary>What a standing token is for; emailed tokens carry the email's id instead.</summary>
    public const string StandingPurpose = "link";

    private const int TokenBytes = 32;
    private const string Row = "token";
    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;

    /// <summary>Creates the store.</summary>
    public UploadTokenStore(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    private TableClient Table => _storage.Table(StorageNames.UploadTokensTable);

    /// <summary>
    /// Issues a new token for <paramref name="unit"/>; <paramref name="expiresAt"/> null for one that lasts until rotated.
    /// A <paramref name="followUpOnly"/> token answers the unit's follow-up cases and nothing else: it goes into alerts
    /// copied to other units, where a full upload link may not.
    /// </summary>
    public async Task<IssuedToken> IssueAsync(string unit, string purpose, DateTimeOffset? expiresAt, CancellationToken cancellationToken, bool followUpOnly = false)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = _clock.GetUtcNow();
        await Table.AddEntityAsync(
            new UploadTokenEntity { PartitionKey = HashOf(token), RowKey = Row, Unit = unit, Purpose = purpose, IssuedAt = now, ExpiresAt = expiresAt, FollowUpOnly = followUpOnly ? true : null },
            cancellationToken);
        return new IssuedToken(unit, token, now);
    }

    /// <summary>The unit a token speaks for, or null when it is malformed, unknown, revoked, expired, or good for follow-ups only.</summary>
    public async Task<string?> UnitOfAsync(string token, CancellationToken cancellationToken) =>
        await HolderOfAsync(token, cancellationToken) is { FollowUpOnly: false } holder ? holder.Unit : null;

    /// <summary>The unit a token speaks for and whether it is good for follow-ups only, or null when it is malformed, unknown, revoked or expired.</summary>
    public async Task<TokenHolder?> HolderOfAsync(string token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var found = await Table.GetEntityIfExistsAsync<UploadTokenEntity>(HashOf(token), Row, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } row && (row.ExpiresAt is null || row.ExpiresAt > _clock.GetUtcNow()) ? new TokenHolder(row.Unit, row.FollowUpOnly == true) : null;
    }

    /// <summary>When <paramref name="unit"/>'s standing token was issued, or null when it has none.</summary>
    public async Task<DateTimeOffset?> StandingSinceAsync(string unit, CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<UploadTokenEntity>(
            TableClient.CreateQueryFilter($"Unit eq {unit} and Purpose eq {StandingPurpose}"), cancellationToken: cancellationToken))
        {
            return row.IssuedAt;
        }

        return null;
    }

    /// <summary>Deletes every token of <paramref name="unit"/>, standing and emailed; returns how many there were.</summary>
    public async Task<int> RevokeAsync(string unit, CancellationToken cancellationToken)
    {
        var revoked = 0;
        await foreach (var row in Table.QueryAsync<UploadTokenEntity>(TableClient.CreateQueryFilter($"Unit eq {unit}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            revoked++;
        }

        return revoked;
    }

    // Base64url of 32 bytes is 43 characters; anything else is refused before storage is asked.
    private static bool IsWellFormed(string token) =>
        token.Length == 43 && token.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_');

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}

/// <summary>Whom a token speaks for.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="FollowUpOnly">Whether it answers follow-up cases only.</param>
public sealed record TokenHolder(string Unit, bool FollowUpOnly);

/// <summary>A row of <c>UploadTokens</c>: partition the token's hash, so checking a link is one point read.</summary>
public sealed class UploadTokenEntity : TableRow
{
    /// <summary>The unit the token speaks for.</summary>
    public string Unit { get; set; } = "";

    /// <summary><see cref="UploadTokenStore.StandingPurpose"/>, or the id of the email that carried it.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When it stops working; null for a standing token.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>True for a token that answers follow-up cases only (<see cref="UploadTokenStore.IssueAsync"/>).</summary>
    public bool? FollowUpOnly { get; set; }
}
