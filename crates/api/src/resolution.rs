//! After the work: the customer confirms a resolution (→ closed) or reopens it with a
//! reason (→ in progress), and rates the support once, changeable for a while.
//! `POST /requests/{id}/confirm`, `/reopen`, `/rating`.

use serde::{Deserialize, Serialize};

use crate::requests::COMMENT_MAX;
use crate::validation::{FieldErrors, check_required, codes};

/// Days a resolved request waits for the customer before it closes itself (the reference
/// server's default; a server setting).
pub const AUTO_CLOSE_DAYS: u32 = 7;
/// Days after the first rating within which it can be changed.
pub const RATING_CHANGE_DAYS: u32 = 7;
pub const SCORE_MIN: u8 = 1;
pub const SCORE_MAX: u8 = 5;

/// Why a resolved request is not done (required).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Reopen {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 4000, pattern = r"\S")
    )]
    pub reason: String,
}

impl Reopen {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "reason", &self.reason, COMMENT_MAX);
        errors.into_result()
    }
}

/// The requester's rating of the support on a closed request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRating {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub score: u8,
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    #[serde(default)]
    pub comment: Option<String>,
}

impl NewRating {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.score < SCORE_MIN {
            errors.push("score", codes::TOO_FEW, "at least 1");
        } else if self.score > SCORE_MAX {
            errors.push("score", codes::TOO_MANY, "at most 5");
        }
        if self
            .comment
            .as_deref()
            .is_some_and(|c| c.chars().count() > COMMENT_MAX)
        {
            errors.push("comment", codes::TOO_LONG, "is too long");
        }
        errors.into_result()
    }
}

/// A request's rating as it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    pub score: u8,
    pub comment: Option<String>,
    pub by: String,
    /// When it was last given or changed.
    pub at: String,
    /// Until when the requester may change it (7 days after the first rating).
    pub changeable_until: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reopen_needs_a_reason_and_a_score_is_one_to_five() {
        assert!(Reopen { reason: " ".into() }.validate().is_err());
        assert!(
            Reopen {
                reason: "Still crashes".into()
            }
            .validate()
            .is_ok()
        );
        let rating = |score| NewRating {
            score,
            comment: None,
        };
        assert_eq!(
            rating(0).validate().unwrap_err().code_for("score"),
            Some(codes::TOO_FEW)
        );
        assert_eq!(
            rating(6).validate().unwrap_err().code_for("score"),
            Some(codes::TOO_MANY)
        );
        assert!(rating(5).validate().is_ok());
    }
}
