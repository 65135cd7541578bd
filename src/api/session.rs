//! `POST/GET/DELETE /session`.

use support_api::session::{Session, SignIn};

use super::{ApiError, Client};

/// Who is signed in: `None` when nobody is (204).
pub async fn current(client: Client) -> Result<Option<Session>, ApiError> {
    client.get_or_none("/session").await
}

pub async fn sign_in(client: Client, form: &SignIn) -> Result<Session, ApiError> {
    client.post("/session", form).await
}

pub async fn sign_out(client: Client) -> Result<(), ApiError> {
    client.delete("/session").await
}
