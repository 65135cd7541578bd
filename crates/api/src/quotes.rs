//! Quotes for work priced by agreement: the support team quotes an amount, what it covers
//! and until when it holds; a company admin accepts it (the work is ordered, the amount
//! becomes the request's cost) or declines it with a reason.
//! `POST /requests/{id}/quote/accept`, `/quote/decline`.

use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::requests::COMMENT_MAX;
use crate::validation::{FieldErrors, check_required};

/// Longest text of what a quote covers.
pub const QUOTE_TEXT_MAX: usize = 4000;

/// Where a quote stands. `expired` is an issued quote past its last valid day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuoteState {
    Issued,
    Accepted,
    Declined,
    Expired,
    /// A newer quote took its place.
    Replaced,
}

impl QuoteState {
    pub const ALL: [QuoteState; 5] = [
        QuoteState::Issued,
        QuoteState::Accepted,
        QuoteState::Declined,
        QuoteState::Expired,
        QuoteState::Replaced,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuoteState::Issued => "issued",
            QuoteState::Accepted => "accepted",
            QuoteState::Declined => "declined",
            QuoteState::Expired => "expired",
            QuoteState::Replaced => "replaced",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The request's latest quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quote {
    pub amount: Money,
    /// What the amount covers.
    pub text: String,
    /// The last day it can be accepted (`YYYY-MM-DD`).
    pub valid_until: String,
    pub issued_at: String,
    pub state: QuoteState,
    /// A declined quote's reason.
    pub reason: Option<String>,
}

/// An admin declines the open quote (reason required).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuoteDecline {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 4000, pattern = r"\S")
    )]
    pub reason: String,
}

impl QuoteDecline {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "reason", &self.reason, COMMENT_MAX);
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip_and_a_decline_needs_a_reason() {
        for s in QuoteState::ALL {
            assert_eq!(QuoteState::parse(s.as_str()), Some(s));
        }
        assert!(QuoteDecline { reason: "".into() }.validate().is_err());
    }
}
