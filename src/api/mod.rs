//! The typed client of the Support API (`/api/v1` on the portal's own origin).

pub mod account;
pub mod billing;
pub mod client;
pub mod credit;
pub mod error;
pub mod files;
pub mod notifications;
pub mod people;
pub mod plan;
pub mod requests;
pub mod session;

pub use client::Client;
pub use error::ApiError;
