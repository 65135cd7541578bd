//! Sends requests with gloo-net and turns every answer into `Result<T, ApiError>`.
//! Nothing that comes from the network is unwrapped.

use gloo_net::http::{Method, RequestBuilder};
use serde::Serialize;
use serde::de::DeserializeOwned;
use support_api::requests::IDEMPOTENCY_HEADER;
use support_api::{API_PREFIX, CSRF_HEADER};

use super::error::ApiError;
use crate::connection::{Connection, use_connection};
use crate::session::SessionContext;

/// A cheap, copyable handle: it reads the CSRF token from the session, tells the session
/// when the server answers 401, and tells the connection monitor whether the API answered.
#[derive(Clone, Copy)]
pub struct Client {
    session: SessionContext,
    connection: Connection,
}

/// The client provided by the app.
pub fn use_client() -> Client {
    Client::new(crate::session::use_session())
}

impl Client {
    pub fn new(session: SessionContext) -> Self {
        Client {
            session,
            connection: use_connection(),
        }
    }

    pub async fn get<T: DeserializeOwned>(self, path: &str) -> Result<T, ApiError> {
        let body = self.send(Method::GET, path, None, None).await?;
        decode(&body)
    }

    /// A `GET` whose "nothing here" is 204 No Content, answered as `None`.
    pub async fn get_or_none<T: DeserializeOwned>(self, path: &str) -> Result<Option<T>, ApiError> {
        let body = self.send(Method::GET, path, None, None).await?;
        if body.is_empty() {
            return Ok(None);
        }
        decode(&body).map(Some)
    }

    pub async fn post<B: Serialize, T: DeserializeOwned>(
        self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.post_with_key(path, body, None).await
    }

    /// A `POST` that creates something, with its `Idempotency-Key` when given: sent
    /// again with the same key and body, it creates nothing twice.
    pub async fn post_with_key<B: Serialize, T: DeserializeOwned>(
        self,
        path: &str,
        body: &B,
        key: Option<&str>,
    ) -> Result<T, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Malformed(e.to_string()))?;
        let answer = self.send(Method::POST, path, Some(json), key).await?;
        decode(&answer)
    }

    /// A `POST` whose answer has no body worth reading (the caller loads afresh).
    pub async fn post_discard<B: Serialize>(
        self,
        path: &str,
        body: &B,
        key: Option<&str>,
    ) -> Result<(), ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Malformed(e.to_string()))?;
        self.send(Method::POST, path, Some(json), key)
            .await
            .map(drop)
    }

    /// A `PUT` that sets something, answering it as stored.
    pub async fn put<B: Serialize, T: DeserializeOwned>(
        self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.store(Method::PUT, path, body).await
    }

    /// A `PATCH` with the whole of a resource's editable part, answering it as stored.
    pub async fn patch<B: Serialize, T: DeserializeOwned>(
        self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.store(Method::PATCH, path, body).await
    }

    async fn store<B: Serialize, T: DeserializeOwned>(
        self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Malformed(e.to_string()))?;
        let answer = self.send(method, path, Some(json), None).await?;
        decode(&answer)
    }

    /// A call whose answer has no body worth reading (204, or anything ignored).
    pub async fn delete(self, path: &str) -> Result<(), ApiError> {
        self.send(Method::DELETE, path, None, None).await.map(drop)
    }

    /// The session's CSRF token, for calls sent outside `send` (uploads).
    pub fn csrf_token(self) -> Option<String> {
        self.session.csrf_token()
    }

    /// What an answer sent outside `send` says about the API and the session, as `send`
    /// tells it: `None` is no answer at all.
    pub fn observe(self, answer: Option<(u16, &str)>) -> Result<(), ApiError> {
        let Some((status, text)) = answer else {
            self.connection.on_network_error();
            return Err(ApiError::Network("no answer".into()));
        };
        if (502..=504).contains(&status) {
            self.connection.on_network_error();
        } else {
            self.connection.on_answer();
        }
        if (200..300).contains(&status) {
            return Ok(());
        }
        let error = ApiError::from_failure(status, text);
        if error == ApiError::Unauthenticated {
            self.session.on_unauthenticated();
        }
        Err(error)
    }

    /// Sends one request and answers the success body, or the mapped error.
    async fn send(
        self,
        method: Method,
        path: &str,
        body: Option<String>,
        idempotency_key: Option<&str>,
    ) -> Result<String, ApiError> {
        let url = format!("{API_PREFIX}{path}");
        let mut builder = RequestBuilder::new(&url)
            .method(method.clone())
            .header("Accept", "application/json, application/problem+json");
        if changes_state(&method)
            && let Some(token) = self.session.csrf_token()
        {
            builder = builder.header(CSRF_HEADER, &token);
        }
        if let Some(key) = idempotency_key {
            builder = builder.header(IDEMPOTENCY_HEADER, key);
        }
        let request = match body {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;

        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => {
                self.connection.on_network_error();
                return Err(ApiError::Network(e.to_string()));
            }
        };
        let status = response.status();
        // A gateway answering for an API that is down is no answer from the API.
        if (502..=504).contains(&status) {
            self.connection.on_network_error();
        } else {
            self.connection.on_answer();
        }
        let text = response
            .text()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if (200..300).contains(&status) {
            return Ok(text);
        }
        let error = ApiError::from_failure(status, &text);
        if error == ApiError::Unauthenticated {
            self.session.on_unauthenticated();
        }
        Err(error)
    }
}

fn changes_state(method: &Method) -> bool {
    [Method::POST, Method::PUT, Method::PATCH, Method::DELETE].contains(method)
}

fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| ApiError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_state_changing_methods_carry_the_token() {
        assert!(!changes_state(&Method::GET));
        assert!(!changes_state(&Method::HEAD));
        for method in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            assert!(changes_state(&method), "{method}");
        }
    }

    #[test]
    fn a_body_not_as_expected_is_malformed() {
        let result: Result<support_api::session::Session, _> = decode(r#"{"user":1}"#);
        assert!(matches!(result, Err(ApiError::Malformed(_))));
        let result: Result<support_api::session::Session, _> = decode("<html>");
        assert!(matches!(result, Err(ApiError::Malformed(_))));
    }
}
