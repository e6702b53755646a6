using System.ComponentModel.DataAnnotations;

namespace SecurityResponder;

/// <summary>The responder's own settings, in the <c>Responder</c> section.</summary>
public sealed class ResponderOptions
{
    /// <summary>The 1Password account whose users alerts name.</summary>
    [Required]
    public string AccountId { get; set; } = string.Empty;

    /// <summary>The key the SIEM signs alerts with (HMAC-SHA256 of the body, sent as <c>X-Signature: sha256=&lt;hex&gt;</c>).</summary>
    [Required]
    [MinLength(16)]
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>The file the audit trail is appended to as JSON lines.</summary>
    [Required]
    public string AuditLog { get; set; } = "audit.jsonl";
}
