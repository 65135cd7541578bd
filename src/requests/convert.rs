//! The form as typed into the contract's `NewRequest`, with the field errors of both the
//! reading and the shared validation. Pure, tested natively.

use support_api::money::{Currency, Money};
use support_api::requests::{NewRequest, RequestDetails, RequestType};
use support_api::validation::{FieldErrors, codes};

use super::form::{FormState, parse_location};
use super::time::local_to_utc;

/// An amount typed in major units (`1500`, `1500.5`, `1 500,50`) into minor units.
pub fn parse_amount(s: &str) -> Option<i64> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.replace(',', ".");
    let (whole, fraction) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty()
        || fraction.len() > 2
        || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(cents)
}

/// Hours typed (`2`, `1.5`, `2,25`) into whole minutes, rounded; without floats, whose
/// parsing would cost the wasm more than this.
pub fn parse_hours(s: &str) -> Option<u32> {
    let s = s.trim();
    let (whole, fraction) = s.split_once(['.', ',']).unwrap_or((s, ""));
    let digits = |t: &str| !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction) && fraction.len() <= 2) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let scale = 10u32.pow(fraction.len() as u32);
    let fraction: u32 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    whole
        .checked_mul(60)?
        .checked_add((fraction * 60 + scale / 2) / scale)
}

impl FormState {
    /// The request the form describes, and every field error: those of reading what was
    /// typed come first, then the contract's validation for `today` (`YYYY-MM-DD`).
    /// `offset` gives JavaScript's `getTimezoneOffset()` for a `datetime-local` value.
    pub fn check(
        &self,
        kind: RequestType,
        currency: Currency,
        today: &str,
        offset: &dyn Fn(&str) -> i32,
    ) -> (NewRequest, FieldErrors) {
        let mut errors = FieldErrors::default();
        let dates = || {
            self.dates
                .iter()
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty())
                .collect::<Vec<_>>()
        };
        let details = match kind {
            RequestType::Hotline => RequestDetails::Hotline {},
            RequestType::Training => {
                let custom = self.course_mode == "custom";
                let participants = match self.participants.trim() {
                    "" => {
                        errors.push("participants", codes::REQUIRED, "required");
                        0
                    }
                    text => text.parse().unwrap_or_else(|_| {
                        errors.push("participants", codes::INVALID_TYPE, "not a number");
                        0
                    }),
                };
                RequestDetails::Training {
                    course_date_id: if custom {
                        None
                    } else {
                        self.course_date.parse().ok()
                    },
                    custom_topic: custom
                        .then(|| self.custom_topic.trim().to_owned())
                        .filter(|t| !t.is_empty()),
                    participants,
                    location: parse_location(&self.location),
                    preferred_dates: if custom { dates() } else { Vec::new() },
                }
            }
            RequestType::OnsiteService => RequestDetails::OnsiteService {
                site_address: self.site_address.trim().to_owned(),
                preferred_dates: dates(),
                expected_minutes: self.expected_minutes(&mut errors),
            },
            RequestType::RemoteService => {
                let mut instant = |field: &str, value: &str| {
                    if value.trim().is_empty() {
                        errors.push(field, codes::REQUIRED, "required");
                        return String::new();
                    }
                    local_to_utc(value, offset(value)).unwrap_or_else(|| value.to_owned())
                };
                let window_from = instant("window_from", &self.window_from);
                let window_to = instant("window_to", &self.window_to);
                RequestDetails::RemoteService {
                    window_from,
                    window_to,
                    expected_minutes: self.expected_minutes(&mut errors),
                }
            }
            RequestType::CreditTopUp => {
                let minor = match self.amount.trim() {
                    "" => {
                        errors.push("amount", codes::REQUIRED, "required");
                        0
                    }
                    text => parse_amount(text).unwrap_or_else(|| {
                        errors.push("amount", codes::INVALID_TYPE, "not an amount");
                        0
                    }),
                };
                RequestDetails::CreditTopUp {
                    amount: Money::new(minor, currency),
                }
            }
            other => effort_details(other, self.expected_minutes(&mut errors)),
        };
        let phone = self.phone.trim();
        let request = NewRequest {
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            priority: support_api::plan::Priority::parse(&self.priority)
                .unwrap_or(support_api::plan::Priority::Normal),
            licence_id: self.licence.parse().ok(),
            contact_phone: (!phone.is_empty()).then(|| phone.to_owned()),
            details,
            files: Vec::new(),
        };
        if let Err(more) = request.validate(today) {
            errors.0.extend(more.0);
        }
        (request, errors)
    }

    /// The optional expected effort, typed in hours.
    fn expected_minutes(&self, errors: &mut FieldErrors) -> Option<u32> {
        let text = self.hours.trim();
        if text.is_empty() {
            return None;
        }
        let minutes = parse_hours(text);
        if minutes.is_none() {
            errors.push("expected_minutes", codes::INVALID_TYPE, "not a number");
        }
        minutes
    }
}

/// The details of the services that only take an expected effort.
fn effort_details(kind: RequestType, expected_minutes: Option<u32>) -> RequestDetails {
    match kind {
        RequestType::MacroDevelopment => RequestDetails::MacroDevelopment { expected_minutes },
        RequestType::Deployment => RequestDetails::Deployment { expected_minutes },
        RequestType::ReinstallationAdmin => {
            RequestDetails::ReinstallationAdmin { expected_minutes }
        }
        RequestType::ProcessAnalysis => RequestDetails::ProcessAnalysis { expected_minutes },
        _ => RequestDetails::Methodology { expected_minutes },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::form::filled;
    use support_api::catalog::TrainingLocation;
    use support_api::plan::Priority;

    const TODAY: &str = "2026-11-25";
    const CET: &dyn Fn(&str) -> i32 = &|_| -60;

    fn check(kind: RequestType, form: &FormState) -> (NewRequest, FieldErrors) {
        form.check(kind, Currency::Pln, TODAY, CET)
    }

    #[test]
    fn a_complete_hotline_request_converts() {
        let form = FormState {
            priority: "high".into(),
            licence: "7".into(),
            phone: " +420 601 000 000 ".into(),
            ..filled()
        };
        let (request, errors) = check(RequestType::Hotline, &form);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(request.title, "Robot cell");
        assert_eq!(request.priority, Priority::High);
        assert_eq!(request.licence_id, Some(7));
        assert_eq!(request.contact_phone.as_deref(), Some("+420 601 000 000"));
        assert_eq!(request.details, RequestDetails::Hotline {});
    }

    #[test]
    fn training_errors_are_at_their_fields() {
        let form = FormState {
            course_mode: "custom".into(),
            custom_topic: "Sheet metal".into(),
            participants: "0".into(),
            dates: vec!["2026-11-01".into(), String::new()],
            ..filled()
        };
        let (_, errors) = check(RequestType::Training, &form);
        assert_eq!(errors.code_for("participants"), Some(codes::TOO_FEW));
        assert_eq!(errors.code_for("preferred_dates"), Some(codes::IN_THE_PAST));
        let form = FormState {
            participants: "many".into(),
            ..filled()
        };
        let (_, errors) = check(RequestType::Training, &form);
        assert_eq!(errors.code_for("participants"), Some(codes::INVALID_TYPE));
        assert_eq!(errors.code_for("course"), Some(codes::REQUIRED));
    }

    #[test]
    fn a_course_date_or_a_custom_topic() {
        let form = FormState {
            course_date: "12".into(),
            participants: "3".into(),
            location: "online".into(),
            custom_topic: "left over from switching modes".into(),
            dates: vec!["2026-12-01".into()],
            ..filled()
        };
        let (request, errors) = check(RequestType::Training, &form);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            request.details,
            RequestDetails::Training {
                course_date_id: Some(12),
                custom_topic: None,
                participants: 3,
                location: TrainingLocation::Online,
                preferred_dates: vec![],
            }
        );
    }

    #[test]
    fn the_remote_window_is_sent_in_utc() {
        let form = FormState {
            window_from: "2026-11-26T08:00".into(),
            window_to: String::new(),
            ..filled()
        };
        let (request, errors) = check(RequestType::RemoteService, &form);
        assert_eq!(errors.code_for("window_to"), Some(codes::REQUIRED));
        assert_eq!(errors.code_for("window_from"), None);
        let RequestDetails::RemoteService { window_from, .. } = request.details else {
            panic!("not a remote request");
        };
        assert_eq!(window_from, "2026-11-26T07:00:00Z");
    }

    #[test]
    fn onsite_needs_an_address_and_a_date() {
        let (_, errors) = check(RequestType::OnsiteService, &filled());
        assert_eq!(errors.code_for("site_address"), Some(codes::REQUIRED));
        assert_eq!(errors.code_for("preferred_dates"), Some(codes::REQUIRED));
    }

    #[test]
    fn effort_is_typed_in_hours_and_sent_in_minutes() {
        let form = FormState {
            hours: "1,5".into(),
            ..filled()
        };
        let (request, errors) = check(RequestType::Deployment, &form);
        assert!(errors.is_empty());
        assert_eq!(
            request.details,
            RequestDetails::Deployment {
                expected_minutes: Some(90)
            }
        );
        let form = FormState {
            hours: "soon".into(),
            ..filled()
        };
        let (_, errors) = check(RequestType::Methodology, &form);
        assert_eq!(
            errors.code_for("expected_minutes"),
            Some(codes::INVALID_TYPE)
        );
    }

    #[test]
    fn a_top_up_amount_in_major_units() {
        assert_eq!(parse_amount("1500"), Some(150_000));
        assert_eq!(parse_amount("1 500,5"), Some(150_050));
        assert_eq!(parse_amount("0.05"), Some(5));
        for bad in ["", "abc", "1.234", "-5", ".5", "1e3"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
        let form = FormState {
            amount: "2000".into(),
            description: String::new(),
            ..filled()
        };
        let (request, errors) = check(RequestType::CreditTopUp, &form);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            request.details,
            RequestDetails::CreditTopUp {
                amount: Money::new(200_000, Currency::Pln)
            }
        );
    }

    #[test]
    fn hours_are_read_without_floats() {
        assert_eq!(parse_hours("2"), Some(120));
        assert_eq!(parse_hours(" 1.5 "), Some(90));
        assert_eq!(parse_hours("2,25"), Some(135));
        assert_eq!(parse_hours("0.1"), Some(6));
        assert_eq!(parse_hours("1.33"), Some(80));
        assert_eq!(parse_hours("0"), Some(0));
        assert_eq!(parse_hours("1."), Some(60));
        for bad in ["", "x", ".5", "1.234", "-1", "1e3", "1 000", "9999999"] {
            assert_eq!(parse_hours(bad), None, "{bad}");
        }
    }
}
