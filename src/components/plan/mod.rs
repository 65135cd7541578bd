//! The plan page's sections: the installed base, the SLA and the contacts (from
//! `GET /plan`); the services, the four levels and the courses (from `GET /catalog`).
//!
//! Each takes the language it is written in: the page renders its parts again when the
//! language changes (see `components::part`), so the texts here are plain strings, not
//! one reactive effect each.

pub mod contacts;
pub mod courses;
pub mod levels;
pub mod licences;
pub mod services;
pub mod sla;
