//! Which mails a user gets: `GET/PUT /notifications` (one switch per kind) and the
//! per-request mute, `GET/PUT /requests/{id}/mute`.

use serde::{Deserialize, Serialize};

use crate::session::Role;
use crate::validation::{FieldErrors, codes};

/// The kinds of mail a user can switch off (mails needed to use an account, such as an
/// invitation, are always sent and are not listed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// The number of a request one made.
    RequestReceived,
    /// A comment from the support team on one's request.
    SupportComment,
    /// One's request got a date.
    Scheduled,
    /// One's request was resolved.
    Resolved,
    /// Someone else cancelled one's request.
    Cancelled,
    /// An admin approved one's spend of SBP credit.
    SpendApproved,
    /// An admin declined one's spend of SBP credit.
    SpendDeclined,
    /// The support team quoted work on a request one made or may decide.
    QuoteIssued,
    /// An admin accepted a quote (mailed to the others concerned).
    QuoteAccepted,
    /// An admin declined a quote (mailed to the others concerned).
    QuoteDeclined,
    /// A resolved request was reopened (mailed to the others concerned).
    Reopened,
    /// Company-wide: a member's request waits for an admin's approval.
    ApprovalNeeded,
    /// Company-wide: the SBP balance fell below the threshold.
    LowCredit,
    /// Company-wide: a prepaid block with credit left expires within 30 days.
    BlockExpiring,
    /// Company-wide: an SLA reaction target was missed.
    SlaMissed,
}

impl NotificationKind {
    /// In the order the settings page lists them.
    pub const ALL: [NotificationKind; 15] = [
        NotificationKind::RequestReceived,
        NotificationKind::SupportComment,
        NotificationKind::Scheduled,
        NotificationKind::Resolved,
        NotificationKind::Cancelled,
        NotificationKind::SpendApproved,
        NotificationKind::SpendDeclined,
        NotificationKind::QuoteIssued,
        NotificationKind::QuoteAccepted,
        NotificationKind::QuoteDeclined,
        NotificationKind::Reopened,
        NotificationKind::ApprovalNeeded,
        NotificationKind::LowCredit,
        NotificationKind::BlockExpiring,
        NotificationKind::SlaMissed,
    ];

    /// The company admins' mails; members neither see nor get them.
    pub fn company_wide(self) -> bool {
        matches!(
            self,
            NotificationKind::ApprovalNeeded
                | NotificationKind::LowCredit
                | NotificationKind::BlockExpiring
                | NotificationKind::SlaMissed
        )
    }

    /// Whether a user of `role` has this kind on the settings page.
    pub fn offered_to(self, role: Role) -> bool {
        role == Role::Admin || !self.company_wide()
    }
}

/// One kind and whether the user gets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationSetting {
    pub kind: NotificationKind,
    pub enabled: bool,
}

/// `GET /notifications` (every kind offered to the user) and the body of `PUT` (the kinds
/// to change; the others stay as they are).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationSettings {
    pub settings: Vec<NotificationSetting>,
}

impl NotificationSettings {
    /// Each kind at most once, and only kinds offered to `role`.
    pub fn validate(&self, role: Role) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        for (i, setting) in self.settings.iter().enumerate() {
            let field = format!("settings[{i}].kind");
            if !setting.kind.offered_to(role) {
                errors.push(
                    &field,
                    codes::UNAVAILABLE,
                    "this kind is for company admins",
                );
            } else if self.settings[..i].iter().any(|s| s.kind == setting.kind) {
                errors.push(&field, codes::INVALID_VALUE, "this kind is listed twice");
            }
        }
        errors.into_result()
    }
}

/// `GET/PUT /requests/{id}/mute`: whether the user gets no mail about the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Mute {
    pub muted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_may_not_choose_company_wide_kinds_nor_one_kind_twice() {
        let body = |kinds: &[NotificationKind]| NotificationSettings {
            settings: kinds
                .iter()
                .map(|kind| NotificationSetting {
                    kind: *kind,
                    enabled: false,
                })
                .collect(),
        };
        let both = body(&[NotificationKind::Resolved, NotificationKind::LowCredit]);
        assert!(both.validate(Role::Admin).is_ok());
        let refused = both.validate(Role::Member).unwrap_err();
        assert_eq!(
            refused.code_for("settings[1].kind"),
            Some(codes::UNAVAILABLE)
        );
        let twice = body(&[NotificationKind::Resolved, NotificationKind::Resolved]);
        assert_eq!(
            twice
                .validate(Role::Admin)
                .unwrap_err()
                .code_for("settings[1].kind"),
            Some(codes::INVALID_VALUE)
        );
        assert_eq!(
            serde_json::to_string(&NotificationKind::SpendApproved).unwrap(),
            "\"spend_approved\""
        );
    }
}
