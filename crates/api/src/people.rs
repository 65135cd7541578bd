//! A company admin's people: `GET /people`, invitations, role changes, deactivation,
//! resetting someone's two-step sign-in, and the record of those changes. Members get 404 from every one of these endpoints.

use serde::{Deserialize, Serialize};

use crate::session::{Language, Role};
use crate::validation::{FieldErrors, check_email, check_required};

pub const NAME_MAX: usize = 120;

/// Days an invitation link stays valid.
pub const INVITATION_DAYS: i64 = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum PersonStatus {
    Active,
    /// Invited and not yet accepted: cannot sign in.
    Invited,
    /// Cannot sign in; their requests and ledger entries keep their name.
    Deactivated,
}

/// One of the company's users, as its admins see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub status: PersonStatus,
    /// RFC 3339 UTC; none before the first sign-in.
    pub last_sign_in_at: Option<String>,
    /// While invited: when the link ends (RFC 3339 UTC).
    pub invitation_expires_at: Option<String>,
    /// Two-step sign-in is on: signing in asks for a code from their authenticator app.
    pub two_step: bool,
}

/// Answer of `GET /people`: the whole company (a company has tens of people, not pages).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonList {
    pub items: Vec<Person>,
    /// Everyone of the company must use two-step sign-in.
    pub two_step_required: bool,
}

/// Body of `POST /people`: invite someone by e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 120, pattern = r"\S")
    )]
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The language of the invitation mail and of the invitee's portal.
    pub language: Language,
}

impl Invitation {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "name", &self.name, NAME_MAX);
        check_email(&mut errors, "email", &self.email);
        errors.into_result()
    }
}

/// Body of `POST /people/{id}/role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleChange {
    pub role: Role,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Invited,
    InvitationResent,
    InvitationRevoked,
    InvitationAccepted,
    RoleChanged,
    Deactivated,
    Reactivated,
    /// An admin turned the person's two-step sign-in off (a lost authenticator app).
    TwoStepReset,
}

/// One entry of the record of changes: who did what to whom, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonChange {
    pub id: i64,
    /// RFC 3339 UTC.
    pub at: String,
    pub kind: ChangeKind,
    /// Who did it (the invitee themselves for an accepted invitation).
    pub actor: String,
    /// To whom: their name and address as they were then.
    pub person: String,
    pub email: String,
    /// The new role, for a role change.
    pub role: Option<Role>,
}

/// Answer of `GET /people/changes`: the latest 100, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonChangeList {
    pub items: Vec<PersonChange>,
}
