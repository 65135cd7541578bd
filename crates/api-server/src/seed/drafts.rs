//! Short builders for the seed's requests.

use support_api::catalog::TrainingLocation;
use support_api::plan::Priority;
use support_api::requests::{NewRequest, RequestDetails};
use time::Date;

use crate::time_util::{add_days, format_day, start_of_day};

fn request(title: &str, description: &str, details: RequestDetails) -> NewRequest {
    NewRequest {
        title: title.into(),
        description: description.into(),
        priority: Priority::Normal,
        licence_id: None,
        contact_phone: None,
        details,
        files: Vec::new(),
    }
}

pub fn hotline(
    title: &str,
    description: &str,
    priority: Priority,
    licence: Option<i64>,
) -> NewRequest {
    NewRequest {
        priority,
        licence_id: licence,
        ..request(title, description, RequestDetails::Hotline {})
    }
}

/// On site on `day` (and the day after), with an optional expected effort.
pub fn onsite(
    title: &str,
    description: &str,
    address: &str,
    day: Date,
    minutes: Option<u32>,
) -> NewRequest {
    request(
        title,
        description,
        RequestDetails::OnsiteService {
            site_address: address.into(),
            preferred_dates: vec![format_day(day), format_day(add_days(day, 1))],
            expected_minutes: minutes,
        },
    )
}

/// Available on `day` from 08:00 to 12:00 UTC.
pub fn remote(title: &str, description: &str, day: Date, minutes: Option<u32>) -> NewRequest {
    let instant = |hour: i64| {
        crate::time_util::format_instant(start_of_day(day) + hour * 3600).unwrap_or_default()
    };
    request(
        title,
        description,
        RequestDetails::RemoteService {
            window_from: instant(8),
            window_to: instant(12),
            expected_minutes: minutes,
        },
    )
}

pub fn course(
    title: &str,
    description: &str,
    date_id: i64,
    participants: u32,
    location: TrainingLocation,
) -> NewRequest {
    request(
        title,
        description,
        RequestDetails::Training {
            course_date_id: Some(date_id),
            custom_topic: None,
            participants,
            location,
            preferred_dates: vec![],
        },
    )
}

pub fn custom_training(title: &str, topic: &str, participants: u32, day: Date) -> NewRequest {
    request(
        title,
        "A training tailored to the team's own parts and drawings.",
        RequestDetails::Training {
            course_date_id: None,
            custom_topic: Some(topic.into()),
            participants,
            location: TrainingLocation::CustomerSite,
            preferred_dates: vec![format_day(day)],
        },
    )
}

/// One of the other PAY services (macro development, deployment, ...).
pub fn work(title: &str, description: &str, details: RequestDetails) -> NewRequest {
    request(title, description, details)
}
