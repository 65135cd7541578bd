//! Each demo customer's year: prepaid blocks, requests with their timelines, time logged
//! and credit consumed, played through the real rules (see `story`). One file per
//! customer; the figures the browser tests rely on are stated at the top of each.

mod kowalski;
mod northbridge;
mod strojirny;
mod tatra;

pub use kowalski::kowalski_aero;
pub use northbridge::northbridge_tooling;
pub use strojirny::strojirny_hradec;
pub use tatra::tatra_forming;
