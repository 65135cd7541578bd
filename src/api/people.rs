//! `/people`: a company admin's people, invitations, roles and the record of changes.

use support_api::people::{Invitation, Person, PersonChangeList, PersonList, RoleChange};
use support_api::two_step::TwoStepRequirement;

use super::{ApiError, Client};

pub async fn list(client: Client) -> Result<PersonList, ApiError> {
    client.get("/people").await
}

pub async fn changes(client: Client) -> Result<PersonChangeList, ApiError> {
    client.get("/people/changes").await
}

pub async fn invite(client: Client, invitation: &Invitation) -> Result<Person, ApiError> {
    client.post("/people", invitation).await
}

/// What an admin does to one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonAction {
    Resend,
    Revoke,
    Role(RoleChange),
    Deactivate,
    Reactivate,
    /// Turns off the two-step sign-in of someone who lost their authenticator app.
    ResetTwoStep,
}

pub async fn act(client: Client, id: i64, action: PersonAction) -> Result<(), ApiError> {
    match action {
        PersonAction::Resend => {
            client
                .post_discard(&format!("/people/{id}/invitation"), &(), None)
                .await
        }
        PersonAction::Revoke => client.delete(&format!("/people/{id}/invitation")).await,
        PersonAction::Role(change) => {
            client
                .post_discard(&format!("/people/{id}/role"), &change, None)
                .await
        }
        PersonAction::Deactivate => {
            client
                .post_discard(&format!("/people/{id}/deactivate"), &(), None)
                .await
        }
        PersonAction::Reactivate => {
            client
                .post_discard(&format!("/people/{id}/reactivate"), &(), None)
                .await
        }
        PersonAction::ResetTwoStep => {
            client
                .post_discard(&format!("/people/{id}/two-step/reset"), &(), None)
                .await
        }
    }
}

pub async fn require_two_step(client: Client, required: bool) -> Result<(), ApiError> {
    client
        .post_discard("/people/two-step", &TwoStepRequirement { required }, None)
        .await
}
