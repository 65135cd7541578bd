//! The demo world (guide section 3): the same customers, people and facts every time,
//! with dates relative to the day the database is created so the demo never goes stale.
//! One function per customer; later seeds (credit ledger, requests) plug in beside them.

mod catalog;
mod customers;
mod demo;
mod drafts;
mod error;
mod files;
mod history;
mod people;
mod scale;
mod seeder;
mod story;

pub use demo::{create_demo_db, seed_demo};
pub use error::SeedError;
pub use seeder::{DEMO_PASSWORD, Seeder};
