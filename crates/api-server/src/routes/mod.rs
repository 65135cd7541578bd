//! The HTTP handlers, one file per resource.

pub mod billing;
pub mod catalog;
pub mod closing;
pub mod credit;
pub mod files;
pub mod notifications;
pub mod openapi;
pub mod plan;
pub mod requests;
pub mod session;

use crate::error::ApiError;

pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
