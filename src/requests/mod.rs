//! The request pages' logic that needs no browser: list filters and their URLs, the
//! form's conversion and draft format, instants and SLA countdowns. Tested natively.

pub mod detail;
pub mod form;
pub mod query;
pub mod time;
