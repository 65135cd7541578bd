//! SQLite storage: one module per part of the schema, each function a query or a write
//! on a connection its caller holds; [`Db`] is the handle the handlers share.

pub mod accounts;
pub mod catalog;
pub mod closing;
pub mod closing_view;
pub mod codec;
pub mod connect;
pub mod credit;
pub mod files;
pub mod idempotency;
pub mod ledger;
pub mod migrations;
pub mod parts;
pub mod pay_statement;
pub mod people;
pub mod plan;
pub mod pool;
pub mod requests;
pub mod sessions;
pub mod two_step;

pub use connect::{DbError, expire_sessions, open, open_existing, write_tx};
pub use pool::{Db, Version, readers_for_this_machine};
