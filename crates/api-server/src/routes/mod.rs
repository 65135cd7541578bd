//! The HTTP handlers, one file per resource.

pub mod account;
pub mod billing;
pub mod catalog;
pub mod closing;
pub mod credit;
pub mod files;
pub mod last_seen;
pub mod notifications;
pub mod openapi;
pub mod people;
pub mod plan;
pub mod recovery;
pub mod requests;
pub mod session;
pub mod two_step;
pub mod uploads;

use crate::error::ApiError;

pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
