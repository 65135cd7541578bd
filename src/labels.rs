//! The contract's enums in words, in the reader's language: one place for every label,
//! so a status, priority or service reads the same on every page.

use support_api::catalog::{BilledAs, Billing, ServiceCode, TrainingLocation};
use support_api::credit::LedgerKind;
use support_api::notifications::NotificationKind;
use support_api::password::codes as password;
use support_api::people::{ChangeKind, PersonStatus};
use support_api::plan::{CoverageStatus, Level, Priority};
use support_api::quotes::QuoteState;
use support_api::requests::{RequestStatus, RequestType};
use support_api::session::Language;
use support_api::validation::codes;

use crate::coverage::PriceUnit;
use crate::i18n::*;
use support_api::template::fill;

pub fn type_name(l: Locale, t: RequestType) -> &'static str {
    match t {
        RequestType::Hotline => td_string!(l, requests.types.hotline),
        RequestType::Training => td_string!(l, requests.types.training),
        RequestType::MacroDevelopment => td_string!(l, requests.types.macro_development),
        RequestType::Deployment => td_string!(l, requests.types.deployment),
        RequestType::RemoteService => td_string!(l, requests.types.remote_service),
        RequestType::OnsiteService => td_string!(l, requests.types.onsite_service),
        RequestType::ReinstallationAdmin => td_string!(l, requests.types.reinstallation_admin),
        RequestType::ProcessAnalysis => td_string!(l, requests.types.process_analysis),
        RequestType::Methodology => td_string!(l, requests.types.methodology),
        RequestType::CreditTopUp => td_string!(l, requests.types.credit_top_up),
    }
}

/// What the chooser says about a type, in a customer's words.
pub fn type_hint(l: Locale, t: RequestType) -> &'static str {
    match t {
        RequestType::Hotline => td_string!(l, requests.hints.hotline),
        RequestType::Training => td_string!(l, requests.hints.training),
        RequestType::MacroDevelopment => td_string!(l, requests.hints.macro_development),
        RequestType::Deployment => td_string!(l, requests.hints.deployment),
        RequestType::RemoteService => td_string!(l, requests.hints.remote_service),
        RequestType::OnsiteService => td_string!(l, requests.hints.onsite_service),
        RequestType::ReinstallationAdmin => td_string!(l, requests.hints.reinstallation_admin),
        RequestType::ProcessAnalysis => td_string!(l, requests.hints.process_analysis),
        RequestType::Methodology => td_string!(l, requests.hints.methodology),
        RequestType::CreditTopUp => td_string!(l, requests.hints.credit_top_up),
    }
}

pub fn status_name(l: Locale, s: RequestStatus) -> &'static str {
    match s {
        RequestStatus::AwaitingApproval => td_string!(l, requests.statuses.awaiting_approval),
        RequestStatus::Submitted => td_string!(l, requests.statuses.submitted),
        RequestStatus::QuotePending => td_string!(l, resolution.status_quote_pending),
        RequestStatus::Scheduled => td_string!(l, requests.statuses.scheduled),
        RequestStatus::InProgress => td_string!(l, requests.statuses.in_progress),
        RequestStatus::Resolved => td_string!(l, requests.statuses.resolved),
        RequestStatus::Closed => td_string!(l, requests.statuses.closed),
        RequestStatus::Cancelled => td_string!(l, requests.statuses.cancelled),
    }
}

pub fn quote_state_name(l: Locale, s: QuoteState) -> &'static str {
    match s {
        QuoteState::Issued => td_string!(l, resolution.quote_issued),
        QuoteState::Accepted => td_string!(l, resolution.quote_accepted),
        QuoteState::Declined => td_string!(l, resolution.quote_declined),
        QuoteState::Expired => td_string!(l, resolution.quote_expired),
        QuoteState::Replaced => td_string!(l, resolution.quote_replaced),
    }
}

pub fn priority_name(l: Locale, p: Priority) -> &'static str {
    match p {
        Priority::Low => td_string!(l, requests.priorities.low),
        Priority::Normal => td_string!(l, requests.priorities.normal),
        Priority::High => td_string!(l, requests.priorities.high),
        Priority::Critical => td_string!(l, requests.priorities.critical),
    }
}

pub fn billed_name(l: Locale, b: BilledAs) -> &'static str {
    match b {
        BilledAs::AlcIncluded => td_string!(l, requests.billed.alc_included),
        BilledAs::SbpCredit => td_string!(l, requests.billed.sbp_credit),
        BilledAs::PayInvoice => td_string!(l, requests.billed.pay_invoice),
        BilledAs::SlaContract => td_string!(l, requests.billed.sla_contract),
    }
}

pub fn location_name(l: Locale, loc: TrainingLocation) -> &'static str {
    match loc {
        TrainingLocation::TrainingRoom => td_string!(l, requests.locations.training_room),
        TrainingLocation::CustomerSite => td_string!(l, requests.locations.customer_site),
        TrainingLocation::Online => td_string!(l, requests.locations.online),
    }
}

pub fn kind_name(locale: Locale, kind: LedgerKind) -> &'static str {
    match kind {
        LedgerKind::TopUp => td_string!(locale, credit.kind.top_up),
        LedgerKind::Debit => td_string!(locale, credit.kind.debit),
        LedgerKind::Expiry => td_string!(locale, credit.kind.expiry),
        LedgerKind::Adjustment => td_string!(locale, credit.kind.adjustment),
    }
}

/// The status in words, so it never rests on colour alone.
pub fn status_label(locale: Locale, status: CoverageStatus) -> &'static str {
    match status {
        CoverageStatus::Covered => td_string!(locale, plan.status_covered),
        CoverageStatus::ExpiringSoon => td_string!(locale, plan.status_expiring),
        CoverageStatus::Lapsed => td_string!(locale, plan.status_lapsed),
    }
}

/// The CSS class of a status badge (the text says the same).
pub fn status_class(status: CoverageStatus) -> &'static str {
    match status {
        CoverageStatus::Covered => "badge badge-ok",
        CoverageStatus::ExpiringSoon => "badge badge-warn",
        CoverageStatus::Lapsed => "badge badge-bad",
    }
}

/// Known licence types in words; anything else as the API sent it.
pub fn licence_type_label(locale: Locale, licence_type: &str) -> String {
    match licence_type {
        "floating" => td_string!(locale, plan.type_floating).to_owned(),
        "named_user" => td_string!(locale, plan.type_named_user).to_owned(),
        "node_locked" => td_string!(locale, plan.type_node_locked).to_owned(),
        other => other.replace('_', " "),
    }
}

pub fn level_code(level: Level) -> &'static str {
    match level {
        Level::Alc => "ALC",
        Level::Pay => "PAY",
        Level::Sbp => "SBP",
        Level::Sla => "SLA",
    }
}

pub fn level_name(locale: Locale, level: Level) -> &'static str {
    match level {
        Level::Alc => td_string!(locale, levels.alc_name),
        Level::Pay => td_string!(locale, levels.pay_name),
        Level::Sbp => td_string!(locale, levels.sbp_name),
        Level::Sla => td_string!(locale, levels.sla_name),
    }
}

pub fn service_name(locale: Locale, code: ServiceCode) -> &'static str {
    match code {
        ServiceCode::Hotline => td_string!(locale, services.hotline),
        ServiceCode::Training => td_string!(locale, services.training),
        ServiceCode::MacroDevelopment => td_string!(locale, services.macro_development),
        ServiceCode::Deployment => td_string!(locale, services.deployment),
        ServiceCode::RemoteService => td_string!(locale, services.remote_service),
        ServiceCode::OnsiteService => td_string!(locale, services.onsite_service),
        ServiceCode::ReinstallationAdmin => td_string!(locale, services.reinstallation_admin),
        ServiceCode::ProcessAnalysis => td_string!(locale, services.process_analysis),
        ServiceCode::Methodology => td_string!(locale, services.methodology),
    }
}

/// How a service reaches this customer, in words.
pub fn billed_as_label(locale: Locale, billed: BilledAs) -> &'static str {
    match billed {
        BilledAs::AlcIncluded => td_string!(locale, coverage.alc_included),
        BilledAs::SbpCredit => td_string!(locale, coverage.sbp_credit),
        BilledAs::PayInvoice => td_string!(locale, coverage.pay_invoice),
        BilledAs::SlaContract => td_string!(locale, coverage.sla_contract),
    }
}

pub fn billing_label(locale: Locale, billing: Billing) -> &'static str {
    match billing {
        Billing::Hourly => td_string!(locale, coverage.hourly),
        Billing::Fixed => td_string!(locale, coverage.fixed),
    }
}

/// "{price} per hour" and the like, the price already formatted.
pub fn priced(locale: Locale, unit: PriceUnit, price: &str) -> String {
    match unit {
        PriceUnit::Hour => fill(td_string!(locale, coverage.per_hour), &[("price", price)]),
        PriceUnit::ParticipantDay => fill(
            td_string!(locale, coverage.per_participant_day),
            &[("price", price)],
        ),
        PriceUnit::Job => fill(td_string!(locale, coverage.per_job), &[("price", price)]),
    }
}

/// A kind of mail, as the notification settings list it.
pub fn notification_name(l: Locale, k: NotificationKind) -> &'static str {
    match k {
        NotificationKind::RequestReceived => td_string!(l, notifications.kinds.request_received),
        NotificationKind::SupportComment => td_string!(l, notifications.kinds.support_comment),
        NotificationKind::Scheduled => td_string!(l, notifications.kinds.scheduled),
        NotificationKind::Resolved => td_string!(l, notifications.kinds.resolved),
        NotificationKind::Cancelled => td_string!(l, notifications.kinds.cancelled),
        NotificationKind::SpendApproved => td_string!(l, notifications.kinds.spend_approved),
        NotificationKind::SpendDeclined => td_string!(l, notifications.kinds.spend_declined),
        NotificationKind::QuoteIssued => td_string!(l, notifications.kinds.quote_issued),
        NotificationKind::QuoteAccepted => td_string!(l, notifications.kinds.quote_accepted),
        NotificationKind::QuoteDeclined => td_string!(l, notifications.kinds.quote_declined),
        NotificationKind::Reopened => td_string!(l, notifications.kinds.reopened),
        NotificationKind::ApprovalNeeded => td_string!(l, notifications.kinds.approval_needed),
        NotificationKind::LowCredit => td_string!(l, notifications.kinds.low_credit),
        NotificationKind::BlockExpiring => td_string!(l, notifications.kinds.block_expiring),
        NotificationKind::SlaMissed => td_string!(l, notifications.kinds.sla_missed),
    }
}

/// A person's account status on the People page.
pub fn person_status_name(l: Locale, status: PersonStatus) -> &'static str {
    match status {
        PersonStatus::Active => td_string!(l, people.status_active),
        PersonStatus::Invited => td_string!(l, people.status_invited),
        PersonStatus::Deactivated => td_string!(l, people.status_deactivated),
    }
}

/// One kind of entry of the record of changes to people.
pub fn change_kind_name(l: Locale, kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Invited => td_string!(l, people.kind_invited),
        ChangeKind::InvitationResent => td_string!(l, people.kind_invitation_resent),
        ChangeKind::InvitationRevoked => td_string!(l, people.kind_invitation_revoked),
        ChangeKind::InvitationAccepted => td_string!(l, people.kind_invitation_accepted),
        ChangeKind::RoleChanged => td_string!(l, people.kind_role_changed),
        ChangeKind::Deactivated => td_string!(l, people.kind_deactivated),
        ChangeKind::Reactivated => td_string!(l, people.kind_reactivated),
        ChangeKind::TwoStepReset => td_string!(l, people.kind_two_step_reset),
    }
}

/// The portal's languages with their codes, in the order forms offer them.
pub const LANGUAGES: [(Language, &str); 4] = [
    (Language::Pl, "pl"),
    (Language::Cs, "cs"),
    (Language::Sk, "sk"),
    (Language::En, "en"),
];

/// Each language's name in that language (as the language switcher names them).
pub fn language_name(language: Language) -> &'static str {
    match language {
        Language::Pl => td_string!(Locale::pl, language.pl),
        Language::Cs => td_string!(Locale::cs, language.cs),
        Language::Sk => td_string!(Locale::sk, language.sk),
        Language::En => td_string!(Locale::en, language.en),
    }
}

/// Why a field was refused, by its stable code: the shared validation's and the
/// password policy's (ASVS V2.1), and a mailed link that no longer works.
pub fn field_reason(l: Locale, code: &str) -> &'static str {
    match code {
        codes::REQUIRED => td_string!(l, validation.required),
        codes::INVALID_EMAIL => td_string!(l, validation.invalid_email),
        codes::TOO_LONG => td_string!(l, validation.too_long),
        codes::INVALID_VALUE => td_string!(l, account.invalid_link),
        password::TOO_SHORT => td_string!(l, account.password_too_short),
        password::TOO_LONG => td_string!(l, account.password_too_long),
        password::COMMON => td_string!(l, account.password_common),
        password::WRONG_CURRENT => td_string!(l, account.password_wrong),
        support_api::two_step::codes::WRONG_CODE => td_string!(l, account.wrong_code),
        _ => td_string!(l, validation.invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_words() {
        assert_eq!(
            status_label(Locale::en, CoverageStatus::ExpiringSoon),
            "Expiring soon"
        );
        assert_eq!(
            status_label(Locale::pl, CoverageStatus::Covered),
            "Objęta wsparciem"
        );
        assert_eq!(licence_type_label(Locale::en, "named_user"), "Named user");
        assert_eq!(licence_type_label(Locale::en, "site_wide"), "site wide");
        assert_eq!(
            priced(Locale::en, PriceUnit::Hour, "€55.00"),
            "€55.00 per hour"
        );
        assert_eq!(level_code(Level::Sbp), "SBP");
    }
}
