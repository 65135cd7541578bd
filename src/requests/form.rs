//! The new-request form as typed (strings, so nothing typed is lost), its conversion into
//! the contract's `NewRequest` with the field errors of both the conversion and the
//! shared validation, and the draft kept in the browser's storage. Pure, tested natively.

use support_api::catalog::TrainingLocation;
use support_api::money::{Currency, Money};
use support_api::requests::{NewRequest, RequestDetails, RequestType};
use support_api::validation::{FieldErrors, codes};

use super::time::local_to_utc;

/// Everything the form holds, as typed. Unknown or missing fields of a stored draft take
/// their defaults, so a draft saved by an older portal still opens.
#[derive(Clone, Debug, PartialEq)]
pub struct FormState {
    pub title: String,
    pub description: String,
    pub priority: String,
    /// A licence id of the installed base, or empty.
    pub licence: String,
    pub phone: String,
    /// Training: `course` (a date of the catalog) or `custom` (a topic of one's own).
    pub course_mode: String,
    pub course_date: String,
    pub custom_topic: String,
    pub participants: String,
    pub location: String,
    /// `YYYY-MM-DD` each; empty inputs are left out when sending.
    pub dates: Vec<String>,
    pub site_address: String,
    /// `datetime-local` values (the browser's local time).
    pub window_from: String,
    pub window_to: String,
    /// Expected effort in hours, as typed.
    pub hours: String,
    /// A top-up amount in major units, as typed.
    pub amount: String,
}

impl Default for FormState {
    fn default() -> Self {
        FormState {
            title: String::new(),
            description: String::new(),
            priority: "normal".into(),
            licence: String::new(),
            phone: String::new(),
            course_mode: "course".into(),
            course_date: String::new(),
            custom_topic: String::new(),
            participants: "1".into(),
            location: location_str(TrainingLocation::TrainingRoom).into(),
            dates: vec![String::new()],
            site_address: String::new(),
            window_from: String::new(),
            window_to: String::new(),
            hours: String::new(),
            amount: String::new(),
        }
    }
}

/// A text of the form, and the contract fields whose errors it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    CourseMode,
    Title,
    Description,
    Priority,
    Licence,
    Phone,
    CourseDate,
    CustomTopic,
    Participants,
    Location,
    SiteAddress,
    WindowFrom,
    WindowTo,
    Hours,
    Amount,
}

impl Text {
    /// The field whose errors it shows first (its element's id is `f-` and this), then
    /// other fields refused about the same input.
    pub const ALL: [Text; 15] = [
        Text::CourseMode,
        Text::Title,
        Text::Description,
        Text::Priority,
        Text::Licence,
        Text::Phone,
        Text::CourseDate,
        Text::CustomTopic,
        Text::Participants,
        Text::Location,
        Text::SiteAddress,
        Text::WindowFrom,
        Text::WindowTo,
        Text::Hours,
        Text::Amount,
    ];

    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Text::CourseMode => &["course_mode"],
            Text::Title => &["title"],
            Text::Description => &["description"],
            Text::Priority => &["priority"],
            Text::Licence => &["licence_id"],
            Text::Phone => &["contact_phone"],
            Text::CourseDate => &["course", "course_date_id"],
            Text::CustomTopic => &["custom_topic", "course"],
            Text::Participants => &["participants"],
            Text::Location => &["location"],
            Text::SiteAddress => &["site_address"],
            Text::WindowFrom => &["window_from"],
            Text::WindowTo => &["window_to"],
            Text::Hours => &["expected_minutes"],
            Text::Amount => &["amount"],
        }
    }
}

/// The order in which refused fields are focused: the first one in the form gets it.
pub const FIELD_ORDER: [&str; 17] = [
    "title",
    "licence_id",
    "priority",
    "course",
    "custom_topic",
    "participants",
    "location",
    "site_address",
    "preferred_dates",
    "window_from",
    "window_to",
    "expected_minutes",
    "amount",
    "description",
    "contact_phone",
    "accept_cost",
    "course_date_id",
];

impl FormState {
    pub fn text(&self, t: Text) -> &String {
        match t {
            Text::CourseMode => &self.course_mode,
            Text::Title => &self.title,
            Text::Description => &self.description,
            Text::Priority => &self.priority,
            Text::Licence => &self.licence,
            Text::Phone => &self.phone,
            Text::CourseDate => &self.course_date,
            Text::CustomTopic => &self.custom_topic,
            Text::Participants => &self.participants,
            Text::Location => &self.location,
            Text::SiteAddress => &self.site_address,
            Text::WindowFrom => &self.window_from,
            Text::WindowTo => &self.window_to,
            Text::Hours => &self.hours,
            Text::Amount => &self.amount,
        }
    }

    pub fn text_mut(&mut self, t: Text) -> &mut String {
        match t {
            Text::CourseMode => &mut self.course_mode,
            Text::Title => &mut self.title,
            Text::Description => &mut self.description,
            Text::Priority => &mut self.priority,
            Text::Licence => &mut self.licence,
            Text::Phone => &mut self.phone,
            Text::CourseDate => &mut self.course_date,
            Text::CustomTopic => &mut self.custom_topic,
            Text::Participants => &mut self.participants,
            Text::Location => &mut self.location,
            Text::SiteAddress => &mut self.site_address,
            Text::WindowFrom => &mut self.window_from,
            Text::WindowTo => &mut self.window_to,
            Text::Hours => &mut self.hours,
            Text::Amount => &mut self.amount,
        }
    }
}

pub const LOCATIONS: [TrainingLocation; 3] = [
    TrainingLocation::TrainingRoom,
    TrainingLocation::CustomerSite,
    TrainingLocation::Online,
];

pub fn location_str(l: TrainingLocation) -> &'static str {
    match l {
        TrainingLocation::TrainingRoom => "training_room",
        TrainingLocation::CustomerSite => "customer_site",
        TrainingLocation::Online => "online",
    }
}

fn parse_location(s: &str) -> TrainingLocation {
    LOCATIONS
        .into_iter()
        .find(|l| location_str(*l) == s)
        .unwrap_or(TrainingLocation::TrainingRoom)
}

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

/// A half-written request as kept in `localStorage`: the form as typed, and the
/// idempotency key created with the draft, so that sending it again (after a network
/// failure, a reload or a double click) creates one request.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub key: String,
    /// When it was last saved, in milliseconds since the epoch.
    pub saved_at: i64,
    pub form: FormState,
}

/// Per user and request type: two people sharing a browser never see each other's drafts.
pub fn draft_storage_key(user_id: i64, kind: RequestType) -> String {
    format!("portal.request-draft.{user_id}.{}", kind.as_str())
}

/// First line of a stored draft; a draft of another version is not offered back.
const DRAFT_HEADER: &str = "portal-draft/1";

/// Tabs, newlines and backslashes escaped, so that a value stays on its line.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

impl Draft {
    /// One `name<TAB>value` line per field after a version line: plain text, so that a
    /// draft needs no JSON code in the wasm and survives fields being added or removed.
    pub fn encode(&self) -> String {
        let mut out = format!(
            "{DRAFT_HEADER}\nkey\t{}\nsaved\t{}\n",
            escape(&self.key),
            self.saved_at
        );
        for t in Text::ALL {
            out.push_str(&format!(
                "{}\t{}\n",
                t.fields()[0],
                escape(self.form.text(t))
            ));
        }
        for day in &self.form.dates {
            out.push_str(&format!("date\t{}\n", escape(day)));
        }
        out
    }

    /// A stored draft, or `None` when it is missing, of another version, or without a
    /// usable key (then it is not offered back). Unknown lines are ignored; missing
    /// fields take their defaults.
    pub fn decode(stored: Option<&str>) -> Option<Draft> {
        let mut lines = stored?.lines();
        if lines.next()? != DRAFT_HEADER {
            return None;
        }
        let mut draft = Draft {
            key: String::new(),
            saved_at: 0,
            form: FormState::default(),
        };
        let mut dates = Vec::new();
        for line in lines {
            let Some((name, value)) = line.split_once('\t') else {
                continue;
            };
            let value = unescape(value);
            match name {
                "key" => draft.key = value,
                "saved" => draft.saved_at = value.parse().unwrap_or(0),
                "date" => dates.push(value),
                _ => {
                    if let Some(t) = Text::ALL.into_iter().find(|t| t.fields()[0] == name) {
                        *draft.form.text_mut(t) = value;
                    }
                }
            }
        }
        if !dates.is_empty() {
            draft.form.dates = dates;
        }
        let key_ok = (8..=100).contains(&draft.key.len())
            && draft
                .key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        key_ok.then_some(draft)
    }
}

/// Sixteen random bytes as a version 4 UUID (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_api::plan::Priority;

    const TODAY: &str = "2026-11-25";
    const CET: &dyn Fn(&str) -> i32 = &|_| -60;

    fn check(kind: RequestType, form: &FormState) -> (NewRequest, FieldErrors) {
        form.check(kind, Currency::Pln, TODAY, CET)
    }

    fn filled() -> FormState {
        FormState {
            title: " Robot cell ".into(),
            description: "The licence server does not start.".into(),
            ..FormState::default()
        }
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
    fn drafts_round_trip() {
        let draft = Draft {
            key: "3f0e2a4c-1b7d-4c1e-9a51-2f7a0f1c9b11".into(),
            saved_at: 1_795_676_400_000,
            form: FormState {
                description: "Line one\n\tindented \\ back\\slash\r\nend".into(),
                dates: vec!["2026-12-01".into(), String::new(), "2026-12-03".into()],
                course_mode: "custom".into(),
                ..filled()
            },
        };
        let encoded = draft.encode();
        assert_eq!(encoded.lines().next(), Some("portal-draft/1"));
        assert_eq!(Draft::decode(Some(&encoded)), Some(draft));
    }

    #[test]
    fn old_or_broken_drafts_are_not_offered() {
        assert_eq!(Draft::decode(None), None);
        assert_eq!(Draft::decode(Some("")), None);
        assert_eq!(Draft::decode(Some("{\"v\":1}")), None);
        assert_eq!(
            Draft::decode(Some("portal-draft/2\nkey\tabcdefgh-1\n")),
            None
        );
        assert_eq!(
            Draft::decode(Some("portal-draft/1\nkey\ta b c d e f\n")),
            None
        );
        assert_eq!(Draft::decode(Some("portal-draft/1\ntitle\tx\n")), None);
        // Missing fields take their defaults; unknown lines are ignored.
        let sparse = "portal-draft/1\nkey\tabcdefgh-1\ntitle\tx\nfuture_field\ty\nbroken line\n";
        let draft = Draft::decode(Some(sparse));
        assert_eq!(draft.as_ref().map(|d| d.saved_at), Some(0));
        assert_eq!(
            draft.map(|d| d.form),
            Some(FormState {
                title: "x".into(),
                ..FormState::default()
            })
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

    #[test]
    fn random_bytes_make_a_version_4_uuid() {
        let key = uuid_v4([0xff; 16]);
        assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        let draft = Draft {
            key,
            saved_at: 0,
            form: FormState::default(),
        };
        assert!(Draft::decode(Some(&draft.encode())).is_some());
    }

    #[test]
    fn drafts_are_kept_per_user_and_type() {
        assert_eq!(
            draft_storage_key(42, RequestType::OnsiteService),
            "portal.request-draft.42.onsite_service"
        );
        assert_ne!(
            draft_storage_key(1, RequestType::Training),
            draft_storage_key(2, RequestType::Training)
        );
    }
}
