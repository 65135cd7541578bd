//! The Support API contract (v1): the JSON types the portal and any server exchange,
//! and the validation both sides share. No I/O, so it builds for wasm and native.
//!
//! With the `openapi` feature the types also describe themselves, and [`openapi`]
//! assembles the OpenAPI document that is committed as `crates/api/openapi.json`.

pub mod account;
pub mod billing;
pub mod catalog;
pub mod credit;
pub mod files;
pub mod money;
pub mod notifications;
pub mod password;
pub mod people;
pub mod plan;
pub mod problem;
pub mod quotes;
pub mod requests;
pub mod resolution;
pub mod session;
pub mod template;
pub mod two_step;
pub mod validation;

#[cfg(feature = "openapi")]
pub mod openapi;

/// Every path of the API starts with this.
pub const API_PREFIX: &str = "/api/v1";

/// Header that carries the CSRF token on every state-changing call.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// Name of the session cookie (HttpOnly; the portal never reads it).
pub const SESSION_COOKIE: &str = "portal_session";
