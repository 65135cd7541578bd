//! `/notifications` (which mails the user gets) and `/requests/{id}/mute`.

use support_api::notifications::{Mute, NotificationSettings};

use super::{ApiError, Client};

pub async fn settings(client: Client) -> Result<NotificationSettings, ApiError> {
    client.get("/notifications").await
}

pub async fn save(
    client: Client,
    settings: &NotificationSettings,
) -> Result<NotificationSettings, ApiError> {
    client.put("/notifications", settings).await
}

pub async fn mute(client: Client, id: i64) -> Result<Mute, ApiError> {
    client.get(&format!("/requests/{id}/mute")).await
}

pub async fn set_mute(client: Client, id: i64, muted: bool) -> Result<Mute, ApiError> {
    client
        .put(&format!("/requests/{id}/mute"), &Mute { muted })
        .await
}
