//! Requests: `GET/POST /requests`, `GET /requests/{id}`, comments, cancel, approval, and
//! `POST /requests/estimate` for a draft. The validation here serves the form and the server.

mod changes;
mod kinds;
mod new;
mod view;

pub use changes::*;
pub use kinds::*;
pub use new::*;
pub use view::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::TrainingLocation;
    use crate::money::Currency;
    use crate::money::Money;
    use crate::plan::Priority;
    use crate::session::Role;
    use crate::validation::codes;

    const TODAY: &str = "2026-11-25";

    fn onsite(address: &str, dates: &[&str]) -> NewRequest {
        NewRequest {
            title: "Robot cell".into(),
            description: "The CATIA licence server does not start.".into(),
            priority: Priority::Normal,
            licence_id: None,
            contact_phone: None,
            details: RequestDetails::OnsiteService {
                site_address: address.into(),
                preferred_dates: dates.iter().map(|d| d.to_string()).collect(),
                expected_minutes: None,
            },
            files: Vec::new(),
        }
    }

    #[test]
    fn accepts_a_complete_onsite_request() {
        assert!(onsite("Hradec 1", &["2026-12-01"]).validate(TODAY).is_ok());
    }

    #[test]
    fn refuses_past_and_malformed_dates() {
        let e = onsite("Hradec 1", &["2026-11-24"])
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("preferred_dates"), Some(codes::IN_THE_PAST));
        let e = onsite("Hradec 1", &["2026-13-01"])
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("preferred_dates"), Some(codes::INVALID_DATE));
        let e = onsite("", &[]).validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("site_address"), Some(codes::REQUIRED));
        assert_eq!(e.code_for("preferred_dates"), Some(codes::REQUIRED));
    }

    #[test]
    fn participants_must_be_between_one_and_the_maximum() {
        let training = |participants| NewRequest {
            details: RequestDetails::Training {
                course_date_id: Some(1),
                custom_topic: None,
                participants,
                location: TrainingLocation::TrainingRoom,
                preferred_dates: vec![],
            },
            ..onsite("x", &[])
        };
        assert_eq!(
            training(0)
                .validate(TODAY)
                .unwrap_err()
                .code_for("participants"),
            Some(codes::TOO_FEW)
        );
        assert_eq!(
            training(21)
                .validate(TODAY)
                .unwrap_err()
                .code_for("participants"),
            Some(codes::TOO_MANY)
        );
        assert!(training(3).validate(TODAY).is_ok());
    }

    #[test]
    fn refuses_empty_and_overlong_text() {
        let mut r = onsite("x", &["2026-12-01"]);
        r.title = " ".into();
        r.description = "d".repeat(DESCRIPTION_MAX + 1);
        let e = r.validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("title"), Some(codes::REQUIRED));
        assert_eq!(e.code_for("description"), Some(codes::TOO_LONG));
    }

    #[test]
    fn remote_window_must_be_ordered_and_ahead() {
        let remote = |from: &str, to: &str| NewRequest {
            details: RequestDetails::RemoteService {
                window_from: from.into(),
                window_to: to.into(),
                expected_minutes: None,
            },
            ..onsite("x", &[])
        };
        assert!(
            remote("2026-11-26T08:00Z", "2026-11-26T10:00Z")
                .validate(TODAY)
                .is_ok()
        );
        let e = remote("2026-11-26T10:00Z", "2026-11-26T08:00Z")
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("window_to"), Some(codes::BEFORE_START));
        let e = remote("2026-11-20T10:00Z", "2026-11-26T08:00Z")
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("window_from"), Some(codes::IN_THE_PAST));
        let e = remote("tomorrow", "2026-11-26T08:00Z")
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("window_from"), Some(codes::INVALID_DATE));
    }

    #[test]
    fn a_top_up_needs_a_positive_amount_and_no_description() {
        let top_up = |minor| NewRequest {
            description: String::new(),
            details: RequestDetails::CreditTopUp {
                amount: Money::new(minor, Currency::Pln),
            },
            ..onsite("x", &[])
        };
        assert!(top_up(1_000_000).validate(TODAY).is_ok());
        assert_eq!(
            top_up(0).validate(TODAY).unwrap_err().code_for("amount"),
            Some(codes::TOO_FEW)
        );
    }

    #[test]
    fn a_decline_needs_a_reason() {
        assert!(
            Decision {
                approve: true,
                reason: None
            }
            .validate()
            .is_ok()
        );
        assert!(
            Decision {
                approve: false,
                reason: Some(" ".into())
            }
            .validate()
            .is_err()
        );
    }

    #[test]
    fn expected_effort_is_optional_but_bounded() {
        let mut r = onsite("x", &["2026-12-01"]);
        let json = serde_json::json!({"type": "onsite_service", "site_address": "x",
                                      "preferred_dates": ["2026-12-01"]});
        assert_eq!(
            serde_json::from_value::<RequestDetails>(json).unwrap(),
            r.details
        );
        r.details = RequestDetails::OnsiteService {
            site_address: "x".into(),
            preferred_dates: vec!["2026-12-01".into()],
            expected_minutes: Some(0),
        };
        let e = r.validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("expected_minutes"), Some(codes::TOO_FEW));
        r.details = RequestDetails::Methodology {
            expected_minutes: Some(EXPECTED_MINUTES_MAX + 1),
        };
        let e = r.validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("expected_minutes"), Some(codes::TOO_MANY));
        assert_eq!(r.details.expected_minutes(), Some(EXPECTED_MINUTES_MAX + 1));
    }

    #[test]
    fn members_wait_for_approval_of_credit_spend_and_top_ups() {
        use crate::catalog::BilledAs::*;
        assert!(needs_approval(
            Role::Member,
            RequestType::Training,
            SbpCredit
        ));
        assert!(needs_approval(
            Role::Member,
            RequestType::CreditTopUp,
            PayInvoice
        ));
        assert!(!needs_approval(
            Role::Member,
            RequestType::Hotline,
            AlcIncluded
        ));
        assert!(!needs_approval(
            Role::Admin,
            RequestType::Training,
            SbpCredit
        ));
        for sort in RequestSort::ALL {
            assert_eq!(RequestSort::parse(sort.as_str()), Some(sort));
        }
    }

    #[test]
    fn details_are_tagged_by_type() {
        let json = serde_json::to_value(RequestDetails::Deployment {
            expected_minutes: Some(60),
        })
        .unwrap();
        assert_eq!(json["type"], "deployment");
        for t in RequestType::ALL {
            assert_eq!(RequestType::parse(t.as_str()), Some(t));
        }
    }
}
