//! What the detail page reads of `GET /requests/{id}`: the contract's `RequestDetail`,
//! with its type-tagged `details` and `timeline` read as flat records. The JSON is the
//! contract's; reading it flat spares the wasm serde's buffering of internally tagged
//! enums, several times the code of these plain structs. Tested against the contract.

use serde::Deserialize;
use support_api::catalog::TrainingLocation;
use support_api::files::FileInfo;
use support_api::money::Money;
use support_api::quotes::{Quote, QuoteState};
use support_api::requests::{RequestStatus, RequestSummary, RequestType};
use support_api::resolution::Rating;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Detail {
    pub summary: RequestSummary,
    pub description: String,
    pub product: Option<String>,
    pub contact_phone: Option<String>,
    pub details: Details,
    #[serde(default)]
    pub scheduled_for: Option<String>,
    pub consumed_minutes: u32,
    pub timeline: Vec<Event>,
    #[serde(default)]
    pub files: Vec<FileInfo>,
    pub can_cancel: bool,
    pub can_approve: bool,
    #[serde(default)]
    pub quote: Option<Quote>,
    #[serde(default)]
    pub rating: Option<Rating>,
    #[serde(default)]
    pub escalation: Option<String>,
    #[serde(default)]
    pub can_confirm: bool,
    #[serde(default)]
    pub can_rate: bool,
    #[serde(default)]
    pub can_decide_quote: bool,
}

/// Every type's fields; those of other types are absent.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Details {
    #[serde(rename = "type")]
    pub kind: RequestType,
    pub course_date_id: Option<i64>,
    pub custom_topic: Option<String>,
    pub participants: Option<u32>,
    pub location: Option<TrainingLocation>,
    #[serde(default)]
    pub preferred_dates: Vec<String>,
    pub site_address: Option<String>,
    pub window_from: Option<String>,
    pub window_to: Option<String>,
    pub expected_minutes: Option<u32>,
    pub amount: Option<Money>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    StatusChanged,
    Comment,
    TimeLogged,
    FileAdded,
    Quote,
    Rated,
    Escalated,
    AutoClosed,
}

/// One timeline event; the fields of the other kinds are absent.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Event {
    pub event: EventKind,
    /// A comment's id (its files name it).
    #[serde(default)]
    pub id: i64,
    /// A `file_added` event's file, in the detail's `files`.
    pub file_id: Option<i64>,
    pub at: String,
    /// Nobody, for what the portal did by itself (an automatic close).
    #[serde(default)]
    pub by: String,
    pub from: Option<RequestStatus>,
    pub to: Option<RequestStatus>,
    pub reason: Option<String>,
    #[serde(default)]
    pub staff: bool,
    pub text: Option<String>,
    pub minutes: Option<u32>,
    pub debited: Option<Money>,
    pub invoiced: Option<Money>,
    pub note: Option<String>,
    pub state: Option<QuoteState>,
    pub amount: Option<Money>,
    pub score: Option<u8>,
    pub comment: Option<String>,
    pub reference: Option<String>,
    pub after_days: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_api::catalog::BilledAs;
    use support_api::money::Currency;
    use support_api::plan::Priority;
    use support_api::requests::{RequestDetail, RequestDetails, TimelineEvent};

    fn contract(details: RequestDetails, timeline: Vec<TimelineEvent>) -> RequestDetail {
        RequestDetail {
            summary: RequestSummary {
                id: 7,
                request_type: details.request_type(),
                title: "t".into(),
                status: RequestStatus::Submitted,
                priority: Priority::High,
                created_at: "2026-11-25T08:00:00Z".into(),
                requested_by: "Piotr Nowak".into(),
                billed_as: BilledAs::SbpCredit,
                cost: None,
                cost_is_estimate: true,
                reaction_due_at: None,
                first_reaction_at: None,
            },
            description: "d".into(),
            licence_id: Some(3),
            product: Some("CATIA".into()),
            contact_phone: None,
            details,
            scheduled_for: Some("2026-12-01".into()),
            consumed_minutes: 90,
            timeline,
            files: Vec::new(),
            can_cancel: true,
            can_approve: false,
            quote: None,
            rating: None,
            escalation: None,
            can_confirm: false,
            can_rate: false,
            can_decide_quote: false,
        }
    }

    fn read(detail: &RequestDetail) -> Detail {
        let json = serde_json::to_string(detail).expect("the contract serializes");
        serde_json::from_str(&json).expect("the flat reading accepts the contract's JSON")
    }

    #[test]
    fn reads_every_kind_of_details() {
        let money = Money::new(150_000, Currency::Pln);
        let cases = [
            RequestDetails::Hotline {},
            RequestDetails::Training {
                course_date_id: Some(4),
                custom_topic: None,
                participants: 3,
                location: TrainingLocation::Online,
                preferred_dates: vec![],
            },
            RequestDetails::OnsiteService {
                site_address: "Hradec 1".into(),
                preferred_dates: vec!["2026-12-01".into()],
                expected_minutes: Some(240),
            },
            RequestDetails::RemoteService {
                window_from: "2026-12-01T08:00:00Z".into(),
                window_to: "2026-12-01T10:00:00Z".into(),
                expected_minutes: None,
            },
            RequestDetails::Methodology {
                expected_minutes: Some(60),
            },
            RequestDetails::CreditTopUp { amount: money },
        ];
        for details in cases {
            let flat = read(&contract(details.clone(), vec![])).details;
            assert_eq!(flat.kind, details.request_type());
            assert_eq!(flat.expected_minutes, details.expected_minutes());
            match details {
                RequestDetails::Training {
                    course_date_id,
                    participants,
                    location,
                    ..
                } => {
                    assert_eq!(flat.course_date_id, course_date_id);
                    assert_eq!(flat.participants, Some(participants));
                    assert_eq!(flat.location, Some(location));
                }
                RequestDetails::OnsiteService {
                    site_address,
                    preferred_dates,
                    ..
                } => {
                    assert_eq!(flat.site_address, Some(site_address));
                    assert_eq!(flat.preferred_dates, preferred_dates);
                }
                RequestDetails::RemoteService {
                    window_from,
                    window_to,
                    ..
                } => {
                    assert_eq!(flat.window_from, Some(window_from));
                    assert_eq!(flat.window_to, Some(window_to));
                }
                RequestDetails::CreditTopUp { amount } => assert_eq!(flat.amount, Some(amount)),
                _ => {}
            }
        }
    }

    #[test]
    fn reads_the_timeline() {
        let money = Money::new(-42_000, Currency::Czk);
        let detail = read(&contract(
            RequestDetails::Hotline {},
            vec![
                TimelineEvent::StatusChanged {
                    at: "a".into(),
                    by: "b".into(),
                    from: None,
                    to: RequestStatus::Submitted,
                    reason: None,
                },
                TimelineEvent::Comment {
                    id: 5,
                    at: "a".into(),
                    by: "Support".into(),
                    staff: true,
                    text: "On it".into(),
                },
                TimelineEvent::TimeLogged {
                    at: "a".into(),
                    by: "Support".into(),
                    minutes: 90,
                    debited: Some(money),
                    invoiced: None,
                    note: Some("n".into()),
                },
            ],
        ));
        let kinds: Vec<_> = detail.timeline.iter().map(|e| e.event).collect();
        assert_eq!(
            kinds,
            [
                EventKind::StatusChanged,
                EventKind::Comment,
                EventKind::TimeLogged
            ]
        );
        assert_eq!(detail.timeline[0].to, Some(RequestStatus::Submitted));
        assert_eq!(detail.timeline[0].from, None);
        assert!(detail.timeline[1].staff);
        assert_eq!(detail.timeline[1].text.as_deref(), Some("On it"));
        assert_eq!(detail.timeline[2].minutes, Some(90));
        assert_eq!(detail.timeline[2].debited, Some(money));
        assert_eq!(detail.scheduled_for.as_deref(), Some("2026-12-01"));
        assert_eq!(detail.consumed_minutes, 90);
    }

    #[test]
    fn reads_the_kinds_of_closing_the_loop() {
        let money = Money::new(390_000, Currency::Eur);
        let mut contract = contract(
            RequestDetails::Hotline {},
            vec![
                TimelineEvent::Quote {
                    at: "a".into(),
                    by: "Support".into(),
                    state: QuoteState::Declined,
                    amount: money,
                    reason: Some("Too dear".into()),
                },
                TimelineEvent::Rated {
                    at: "a".into(),
                    by: "Piotr".into(),
                    score: 4,
                    comment: Some("Quick".into()),
                },
                TimelineEvent::Escalated {
                    at: "a".into(),
                    by: "Support".into(),
                    reference: "SR1".into(),
                },
                TimelineEvent::AutoClosed {
                    at: "a".into(),
                    after_days: 7,
                },
            ],
        );
        contract.escalation = Some("SR1".into());
        contract.can_decide_quote = true;
        let detail = read(&contract);
        let kinds: Vec<_> = detail.timeline.iter().map(|e| e.event).collect();
        use EventKind::*;
        assert_eq!(kinds, [Quote, Rated, Escalated, AutoClosed]);
        assert_eq!(detail.timeline[0].state, Some(QuoteState::Declined));
        assert_eq!(detail.timeline[0].amount, Some(money));
        assert_eq!(detail.timeline[1].score, Some(4));
        assert_eq!(detail.timeline[2].reference.as_deref(), Some("SR1"));
        assert_eq!(detail.timeline[3].after_days, Some(7));
        assert_eq!(detail.timeline[3].by, "");
        assert_eq!(detail.escalation.as_deref(), Some("SR1"));
        assert!(detail.can_decide_quote);
    }
}
