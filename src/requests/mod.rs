//! The request pages' logic that needs no browser: list filters and their URLs, the
//! form's state, conversion and draft format, instants and SLA countdowns. Tested natively.

pub mod convert;
pub mod detail;
pub mod draft;
pub mod form;
pub mod query;
pub mod time;
