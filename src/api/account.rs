//! `/account` and the ways in without a session: a forgotten password, an invitation.

use support_api::account::{
    AcceptInvitation, Account, AccountUpdate, NewPassword, PasswordChange, ResetRequest,
    SessionList,
};
use support_api::session::Session;
use support_api::two_step::{RecoveryCodes, TwoStepCode, TwoStepSetup};

use super::{ApiError, Client};

pub async fn get(client: Client) -> Result<Account, ApiError> {
    client.get("/account").await
}

pub async fn update(client: Client, update: &AccountUpdate) -> Result<Account, ApiError> {
    client.patch("/account", update).await
}

pub async fn change_password(client: Client, change: &PasswordChange) -> Result<(), ApiError> {
    client.post_discard("/account/password", change, None).await
}

pub async fn sessions(client: Client) -> Result<SessionList, ApiError> {
    client.get("/account/sessions").await
}

pub async fn end_other_sessions(client: Client) -> Result<(), ApiError> {
    client
        .post_discard("/account/sessions/end-others", &(), None)
        .await
}

pub async fn request_reset(client: Client, request: &ResetRequest) -> Result<(), ApiError> {
    client.post_discard("/password-reset", request, None).await
}

pub async fn complete_reset(client: Client, password: &NewPassword) -> Result<(), ApiError> {
    client
        .post_discard("/password-reset/complete", password, None)
        .await
}

pub async fn accept_invitation(
    client: Client,
    accept: &AcceptInvitation,
) -> Result<Session, ApiError> {
    client.post("/invitation/accept", accept).await
}

pub async fn begin_two_step(client: Client) -> Result<TwoStepSetup, ApiError> {
    client.post("/account/two-step", &()).await
}

pub async fn confirm_two_step(
    client: Client,
    code: &TwoStepCode,
) -> Result<RecoveryCodes, ApiError> {
    client.post("/account/two-step/confirm", code).await
}
