//! The new-request form as typed: strings, so nothing typed is lost, and which contract
//! fields each input shows the errors of. Its conversion is `convert.rs`, its stored
//! draft `draft.rs`.

use support_api::catalog::TrainingLocation;

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

pub fn parse_location(s: &str) -> TrainingLocation {
    LOCATIONS
        .into_iter()
        .find(|l| location_str(*l) == s)
        .unwrap_or(TrainingLocation::TrainingRoom)
}

/// A form with what every request type needs typed in (for the native tests of the
/// conversion and the draft).
#[cfg(test)]
pub fn filled() -> FormState {
    FormState {
        title: " Robot cell ".into(),
        description: "The licence server does not start.".into(),
        ..FormState::default()
    }
}
