//! The overview's sections that come from the plan. Each writes itself in the current
//! language and writes itself again when it changes; the plan is not loaded again.

pub mod actions;
pub mod attention;
pub mod levels;
