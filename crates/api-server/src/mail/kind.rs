//! The kinds of mail: a closed list; preferences are per kind.

/// Each event that mails someone. `people` and `loop` add their kinds here (with their
/// texts in `mail/*.json`): `key`, `ALL` and the two rules below must name each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MailKind {
    RequestReceived,
    SupportComment,
    Scheduled,
    Resolved,
    Cancelled,
    SpendApproved,
    SpendDeclined,
    ApprovalNeeded,
    LowCredit,
    BlockExpiring,
    SlaMissed,
    QuoteIssued,
    QuoteAccepted,
    QuoteDeclined,
    Reopened,
    /// A company admin invited the user: the link sets a password (issue 13).
    Invitation,
    /// The user asked for a new password: the link sets one (issue 13).
    PasswordReset,
    /// The virus check blocked a file the user uploaded: they should know it never reached
    /// the support team.
    FileBlocked,
    /// A company admin turned the user's two-step sign-in off: if they did not ask for it,
    /// they must know at once.
    TwoStepReset,
}

impl MailKind {
    /// Every kind, in the order the settings page lists them.
    pub const ALL: &'static [MailKind] = &[
        MailKind::RequestReceived,
        MailKind::SupportComment,
        MailKind::Scheduled,
        MailKind::Resolved,
        MailKind::Cancelled,
        MailKind::SpendApproved,
        MailKind::SpendDeclined,
        MailKind::QuoteIssued,
        MailKind::QuoteAccepted,
        MailKind::QuoteDeclined,
        MailKind::Reopened,
        MailKind::ApprovalNeeded,
        MailKind::LowCredit,
        MailKind::BlockExpiring,
        MailKind::SlaMissed,
        MailKind::Invitation,
        MailKind::PasswordReset,
        MailKind::FileBlocked,
        MailKind::TwoStepReset,
    ];

    /// "request_received": the texts' key prefix and the preference's name.
    pub fn key(self) -> &'static str {
        match self {
            MailKind::RequestReceived => "request_received",
            MailKind::SupportComment => "support_comment",
            MailKind::Scheduled => "scheduled",
            MailKind::Resolved => "resolved",
            MailKind::Cancelled => "cancelled",
            MailKind::SpendApproved => "spend_approved",
            MailKind::SpendDeclined => "spend_declined",
            MailKind::ApprovalNeeded => "approval_needed",
            MailKind::LowCredit => "low_credit",
            MailKind::BlockExpiring => "block_expiring",
            MailKind::SlaMissed => "sla_missed",
            MailKind::QuoteIssued => "quote_issued",
            MailKind::QuoteAccepted => "quote_accepted",
            MailKind::QuoteDeclined => "quote_declined",
            MailKind::Reopened => "reopened",
            MailKind::Invitation => "invitation",
            MailKind::PasswordReset => "password_reset",
            MailKind::FileBlocked => "file_blocked",
            MailKind::TwoStepReset => "two_step_reset",
        }
    }

    pub fn from_key(key: &str) -> Option<MailKind> {
        MailKind::ALL.iter().copied().find(|kind| kind.key() == key)
    }

    /// Whether the user may switch it off (and mute it per request). Mails someone must
    /// get to use their account (an invitation, a password reset) are not: they have no
    /// settings link either.
    pub fn switchable(self) -> bool {
        !matches!(
            self,
            MailKind::Invitation
                | MailKind::PasswordReset
                | MailKind::FileBlocked
                | MailKind::TwoStepReset
        )
    }

    /// The company admins' mails, about the company rather than one person's request.
    /// Members get none by default.
    pub fn company_wide(self) -> bool {
        matches!(
            self,
            MailKind::ApprovalNeeded
                | MailKind::LowCredit
                | MailKind::BlockExpiring
                | MailKind::SlaMissed
        )
    }
}
