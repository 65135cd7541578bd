//! The parts of the People page: the invitation form, the people with their actions,
//! the record of changes.

pub mod changes;
pub mod invite;
pub mod requirement;
pub mod table;
