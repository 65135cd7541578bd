//! The reference Support API server: the contract of `support-api` served by axum over
//! SQLite, with a demo seed. The binary (`main.rs`) is a thin command line over this
//! library, so the tests can drive the same router in-process.

pub mod actions;
pub mod answers;
pub mod app;
pub mod auth;
pub mod billing;
pub mod browser;
pub mod business_time;
pub mod cli;
pub mod commands;
pub mod config;
pub mod cursor;
pub mod db;
pub mod error;
pub mod extract;
pub mod files;
pub mod json;
pub mod mail;
pub mod query;
pub mod routes;
pub mod seed;
pub mod serve;
pub mod state;
pub mod time_util;
