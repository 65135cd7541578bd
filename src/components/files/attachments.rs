//! The files a form will send, and their uploads. Files wait until there is a place for
//! them (the request once it is created, the comment once it is sent); then each goes
//! up on its own with its progress, and one that failed can be retried or removed.
//! Checked against the server's limits before anything is sent; the server checks again.

use leptos::prelude::*;
use support_api::files::{FileLimits, allowed_extension};
use web_sys::{File, XmlHttpRequest};

use crate::api::files::Upload;
use crate::api::{ApiError, Client};
use crate::components::requests::new_key;

/// Where a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for the form to be sent.
    Waiting,
    Sending,
    Done,
    /// Refused before sending, or by the server: it will not go as it is.
    Refused(Refusal),
    /// No answer, or a failure: it can be retried.
    Failed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    TooBig,
    Type,
    RequestFull,
}

/// One file of the form.
#[derive(Clone)]
pub struct Item {
    pub id: u32,
    pub name: String,
    pub size: f64,
    pub stage: RwSignal<Stage>,
    /// Share sent, 0 to 1.
    pub progress: RwSignal<f64>,
    file: StoredValue<File, LocalStorage>,
    /// The upload under way (to abort it on remove).
    xhr: StoredValue<Option<XmlHttpRequest>, LocalStorage>,
    /// One key per file: a retry of it creates one file on the server.
    key: StoredValue<String>,
}

/// The form's files; cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct Attachments {
    pub items: RwSignal<Vec<Item>>,
    /// The server's limits, once read (by the form's `AttachFiles`).
    pub limits: RwSignal<Option<FileLimits>>,
    next_id: StoredValue<u32>,
    /// Where the files go, once known (`/requests/{id}/files`, ...).
    target: RwSignal<Option<String>>,
    send: Action<(Item, String), ()>,
    /// The owner of the form's files: a file's signals live as long as the list, not as
    /// the view that was showing when it was added (a reload re-renders that view).
    owner: StoredValue<Option<Owner>>,
}

impl Attachments {
    pub fn new(client: Client) -> Self {
        let send = Action::new_local(move |(item, path): &(Item, String)| {
            let (item, path) = (item.clone(), path.clone());
            async move {
                let Some(file) = item.file.try_get_value() else {
                    return;
                };
                let key = item.key.get_value();
                let progress = item.progress;
                item.stage.try_set(Stage::Sending);
                progress.try_set(0.0);
                let started = Upload::start(client, &path, &file, &item.name, &key, move |p| {
                    progress.try_set(p);
                });
                let result = match started {
                    Ok(upload) => {
                        item.xhr.try_set_value(Some(upload.xhr()));
                        upload.done(client).await
                    }
                    Err(e) => Err(e),
                };
                item.xhr.try_set_value(None);
                item.stage.try_set(stage_after(&result));
            }
        });
        Attachments {
            items: RwSignal::new(Vec::new()),
            limits: RwSignal::new(None),
            next_id: StoredValue::new(0),
            target: RwSignal::new(None),
            send,
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Adds files (a pasted one without a name gets `fallback_name`), refusing at once
    /// those the limits refuse.
    pub fn add(self, files: Vec<File>, fallback_name: &str) {
        let target = self.target.get_untracked();
        let limits = self.limits.get_untracked();
        let limits = limits.as_ref();
        for file in files {
            let mut name = file.name();
            if name.is_empty() || name == "image.png" {
                name = format!("{fallback_name}-{}.png", self.next_id.get_value() + 1);
            }
            let size = file.size();
            let refusal = limits.and_then(|limits| refusal(&name, size, limits));
            let id = self.next_id.get_value() + 1;
            self.next_id.set_value(id);
            let owner = self.owner.get_value().unwrap_or_default();
            let item = owner.with(|| Item {
                id,
                name,
                size,
                stage: RwSignal::new(refusal.map_or(Stage::Waiting, Stage::Refused)),
                progress: RwSignal::new(0.0),
                file: StoredValue::new_local(file),
                xhr: StoredValue::new_local(None),
                key: StoredValue::new(new_key()),
            });
            self.items.update(|items| items.push(item.clone()));
            if let (None, Some(path)) = (refusal, &target) {
                self.send.dispatch((item, path.clone()));
            }
        }
    }

    /// Sends every waiting file to `path` (and those added later).
    pub fn send_to(self, path: String) {
        if self.items.with_untracked(Vec::is_empty) {
            return;
        }
        self.target.set(Some(path.clone()));
        for item in self.items.get_untracked() {
            if item.stage.get_untracked() == Stage::Waiting {
                self.send.dispatch((item, path.clone()));
            }
        }
    }

    pub fn retry(self, item: &Item) {
        if let Some(path) = self.target.get_untracked() {
            self.send.dispatch((item.clone(), path));
        }
    }

    /// Removes a file from the form, stopping its upload if one is under way (an upload
    /// already done stays on the server).
    pub fn remove(self, id: u32) {
        self.items.update(|items| {
            if let Some(item) = items.iter().find(|i| i.id == id) {
                item.xhr.with_value(|xhr| {
                    if let Some(xhr) = xhr {
                        let _ = xhr.abort();
                    }
                });
            }
            items.retain(|i| i.id != id);
        });
    }

    /// A file failed or was refused: the form stays to say so.
    pub fn has_trouble(self) -> bool {
        self.items.with(|items| {
            items
                .iter()
                .any(|i| matches!(i.stage.get(), Stage::Failed | Stage::Refused(_)))
        })
    }

    /// Runs `then` each time the uploads after sending have all ended: the files that
    /// went up leave the form, those refused or failed stay to be retried or removed.
    /// `then` hears whether all went up.
    pub fn when_settled(self, then: impl Fn(bool) + 'static) {
        Effect::new(move |_| {
            if self.target.with(Option::is_none) {
                return;
            }
            let busy = self.items.with(|items| {
                items
                    .iter()
                    .any(|i| matches!(i.stage.get(), Stage::Waiting | Stage::Sending))
            });
            let (any, done) = self.items.with_untracked(|items| {
                let done = items
                    .iter()
                    .filter(|i| i.stage.get_untracked() == Stage::Done);
                (!items.is_empty(), done.count())
            });
            // Nothing new since the last time (or still under way).
            if busy || any && done == 0 {
                return;
            }
            self.items
                .update(|items| items.retain(|i| i.stage.get_untracked() != Stage::Done));
            let all = self.items.with_untracked(Vec::is_empty);
            if all {
                self.target.set(None);
            }
            then(all);
        });
    }
}

/// Why the limits refuse a file before it is sent.
pub fn refusal(name: &str, size: f64, limits: &FileLimits) -> Option<Refusal> {
    if size > limits.file_max_bytes as f64 {
        Some(Refusal::TooBig)
    } else if allowed_extension(name).is_none() {
        Some(Refusal::Type)
    } else {
        None
    }
}

fn stage_after(result: &Result<(), ApiError>) -> Stage {
    match result {
        Ok(_) => Stage::Done,
        // 413: over the per-file limit, or the request's total.
        Err(ApiError::Server(413)) => Stage::Refused(Refusal::RequestFull),
        Err(ApiError::Validation(fields)) if fields.code_for("file") == Some("file_type") => {
            Stage::Refused(Refusal::Type)
        }
        Err(_) => Stage::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_refuse_before_sending() {
        let limits = FileLimits {
            file_max_bytes: 100,
            request_max_bytes: 1000,
            extensions: vec!["png".into()],
        };
        assert_eq!(refusal("a.png", 100.0, &limits), None);
        assert_eq!(refusal("a.png", 101.0, &limits), Some(Refusal::TooBig));
        assert_eq!(refusal("a.exe", 1.0, &limits), Some(Refusal::Type));
        let mut fields = support_api::validation::FieldErrors::default();
        fields.push("file", "file_type", "no");
        assert_eq!(
            stage_after(&Err(ApiError::Validation(fields))),
            Stage::Refused(Refusal::Type)
        );
        assert_eq!(
            stage_after(&Err(ApiError::Network("down".into()))),
            Stage::Failed
        );
    }
}
