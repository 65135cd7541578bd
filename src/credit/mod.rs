//! The SBP credit's logic that needs no browser: months, the ledger filter, amounts,
//! checks of the API's answers, the ledger's paging, the chart's geometry, CSV and the
//! monthly statement.
//! Everything here is tested natively; the components only render it.

pub mod amount;
pub mod chart;
pub mod check;
pub mod csv;
pub mod filter;
pub mod month;
pub mod paging;
pub mod statement;
