//! Files: the limits, and uploads. An upload goes through `XMLHttpRequest` because
//! `fetch` reports no upload progress; it carries the CSRF token and an
//! `Idempotency-Key` like every other creating call, and its answer is judged as
//! `Client::send` judges one.

use std::cell::Cell;
use std::rc::Rc;

use support_api::files::{FILE_FIELD, FileInfo, FileLimits};
use support_api::requests::IDEMPOTENCY_HEADER;
use support_api::{API_PREFIX, CSRF_HEADER};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

use super::{ApiError, Client};

pub async fn limits(client: Client) -> Result<FileLimits, ApiError> {
    client.get("/files/limits").await
}

/// One upload under way: abort it with [`Upload::abort`], await it with [`Upload::done`].
pub struct Upload {
    xhr: XmlHttpRequest,
    finished: js_sys::Promise,
    // Alive as long as the upload: the browser calls it for every progress event.
    _progress: Closure<dyn FnMut(ProgressEvent)>,
}

impl Upload {
    /// Sends `file` as `name` to `path` (under the API prefix); `progress` hears the
    /// share sent, 0 to 1.
    pub fn start(
        client: Client,
        path: &str,
        file: &File,
        name: &str,
        key: &str,
        progress: impl Fn(f64) + 'static,
    ) -> Result<Upload, ApiError> {
        // What the browser says of a refused call is not worth its formatting code.
        let failed = |_: JsValue| ApiError::Network("the upload could not start".into());
        let xhr = XmlHttpRequest::new().map_err(failed)?;
        xhr.open("POST", &format!("{API_PREFIX}{path}"))
            .map_err(failed)?;
        if let Some(token) = client.csrf_token() {
            xhr.set_request_header(CSRF_HEADER, &token)
                .map_err(failed)?;
        }
        xhr.set_request_header(IDEMPOTENCY_HEADER, key)
            .map_err(failed)?;
        xhr.set_request_header("Accept", "application/json, application/problem+json")
            .map_err(failed)?;
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress(e.loaded() / e.total());
            }
        });
        xhr.upload()
            .map_err(failed)?
            .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        // Settles once: on load (any status), or on error/abort (no answer).
        let finished = js_sys::Promise::new(&mut |resolve, _reject| {
            let settled = Rc::new(Cell::new(false));
            let settle = move |_: JsValue| {
                if !settled.replace(true) {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            };
            let once = Closure::<dyn FnMut(JsValue)>::new(settle).into_js_value();
            xhr.set_onloadend(Some(once.unchecked_ref()));
        });
        let form = FormData::new().map_err(failed)?;
        form.append_with_blob_and_filename(FILE_FIELD, file, name)
            .map_err(failed)?;
        xhr.send_with_opt_form_data(Some(&form)).map_err(failed)?;
        Ok(Upload {
            xhr,
            finished,
            _progress: on_progress,
        })
    }

    /// The request itself, to abort it ([`Upload::done`] then answers a network error).
    pub fn xhr(&self) -> XmlHttpRequest {
        self.xhr.clone()
    }

    /// The file as the server stored it.
    pub async fn done(self, client: Client) -> Result<FileInfo, ApiError> {
        let _ = wasm_bindgen_futures::JsFuture::from(self.finished.clone()).await;
        let status = self.xhr.status().unwrap_or(0);
        let text = self.xhr.response_text().ok().flatten().unwrap_or_default();
        // Status 0: no answer (network down, aborted).
        client.observe((status != 0).then_some((status, text.as_str())))?;
        serde_json::from_str(&text).map_err(|e| ApiError::Malformed(e.to_string()))
    }
}
