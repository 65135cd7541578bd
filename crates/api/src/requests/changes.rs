//! What a customer does to an existing request: comments and an admin's decision.

use serde::{Deserialize, Serialize};

use super::kinds::COMMENT_MAX;
use crate::files::{FileId, check_file_ids};
use crate::validation::{FieldErrors, check_required};

/// Body of `POST /requests/{id}/comments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewComment {
    /// Not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 4000, pattern = r"\S")
    )]
    pub text: String,
    /// Staged uploads of the caller (`POST /uploads`) the comment takes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub files: Vec<FileId>,
}

impl NewComment {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "text", &self.text, COMMENT_MAX);
        check_file_ids(&mut errors, &self.files);
        errors.into_result()
    }
}

/// Body of `POST /requests/{id}/decision` (admins, for `awaiting_approval`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub approve: bool,
    /// Required (not blank) when declining.
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub reason: Option<String>,
}

impl Decision {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if !self.approve {
            check_required(
                &mut errors,
                "reason",
                self.reason.as_deref().unwrap_or(""),
                COMMENT_MAX,
            );
        }
        errors.into_result()
    }
}
