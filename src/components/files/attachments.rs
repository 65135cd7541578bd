//! The files a form will send, and their uploads. Each file goes up at once, staged on
//! the server (`POST /uploads`) until the request or comment that names it is sent; one
//! that failed can be retried, any can be removed (taken back from the server). Files of
//! a draft restored after a reload come back as staged ones: the browser cannot give
//! their bytes again, the server still has them. Checked against the server's limits
//! before anything is sent; the server checks again.

use leptos::prelude::*;
use support_api::files::{FileId, FileLimits, allowed_extension};
use web_sys::{File, XmlHttpRequest};

use crate::api::files::Upload;
use crate::api::{ApiError, Client};
use crate::components::requests::new_key;
use crate::requests::draft::StagedFile;

/// Where a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Sending,
    /// Staged on the server: the request or comment will take it.
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
    /// The staged file the server made of it, once up.
    pub staged: RwSignal<Option<StagedFile>>,
    /// The picked file (none for one restored with a draft: it is up already).
    file: StoredValue<Option<File>, LocalStorage>,
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
    send: Action<Item, ()>,
    unstage: Action<FileId, ()>,
    /// What to do once no upload is under way (a send asked for meanwhile).
    then: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
    /// A send waits for uploads still under way.
    pub waiting: RwSignal<bool>,
    /// The owner of the form's files: a file's signals live as long as the list, not as
    /// the view that was showing when it was added (a reload re-renders that view).
    owner: StoredValue<Option<Owner>>,
}

impl Attachments {
    pub fn new(client: Client) -> Self {
        let send = Action::new_local(move |item: &Item| {
            let item = item.clone();
            async move {
                let Some(Some(file)) = item.file.try_get_value() else {
                    return;
                };
                let key = item.key.get_value();
                let progress = item.progress;
                item.stage.try_set(Stage::Sending);
                progress.try_set(0.0);
                let started =
                    Upload::start(client, "/uploads", &file, &item.name, &key, move |p| {
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
                if let Ok(staged) = result {
                    item.staged.try_set(Some(staged.into()));
                }
            }
        });
        // Best effort: a file not taken back is removed by the server after a week.
        let unstage = Action::new_local(move |id: &FileId| {
            let path = format!("/uploads/{id}");
            async move {
                let _ = client.delete(&path).await;
            }
        });
        let files = Attachments {
            items: RwSignal::new(Vec::new()),
            limits: RwSignal::new(None),
            next_id: StoredValue::new(0),
            send,
            unstage,
            then: StoredValue::new_local(None),
            waiting: RwSignal::new(false),
            owner: StoredValue::new(Owner::current()),
        };
        Effect::new(move |_| {
            if !files.busy() && files.waiting.get_untracked() {
                files.waiting.set(false);
                if let Some(then) = files.then.try_update_value(Option::take).flatten() {
                    then();
                }
            }
        });
        files
    }

    fn item(self, name: String, size: f64, stage: Stage, file: Option<File>) -> Item {
        let id = self.next_id.get_value() + 1;
        self.next_id.set_value(id);
        let owner = self.owner.get_value().unwrap_or_default();
        owner.with(|| Item {
            id,
            name,
            size,
            stage: RwSignal::new(stage),
            progress: RwSignal::new(0.0),
            staged: RwSignal::new(None),
            file: StoredValue::new_local(file),
            xhr: StoredValue::new_local(None),
            key: StoredValue::new(new_key()),
        })
    }

    /// Adds files (a pasted one without a name gets `fallback_name`) and sends them up,
    /// refusing at once those the limits refuse.
    pub fn add(self, files: Vec<File>, fallback_name: &str) {
        let limits = self.limits.get_untracked();
        let limits = limits.as_ref();
        for file in files {
            let total = self.items.with_untracked(|items| {
                let going = items
                    .iter()
                    .filter(|i| !matches!(i.stage.get_untracked(), Stage::Refused(_)));
                going.map(|i| i.size).sum::<f64>()
            });
            let mut name = file.name();
            if name.is_empty() || name == "image.png" {
                name = format!("{fallback_name}-{}.png", self.next_id.get_value() + 1);
            }
            let size = file.size();
            let refusal = limits.and_then(|limits| refusal(&name, size, total, limits));
            let stage = refusal.map_or(Stage::Sending, Stage::Refused);
            let item = self.item(name, size, stage, Some(file));
            self.items.update(|items| items.push(item.clone()));
            if refusal.is_none() {
                self.send.dispatch(item);
            }
        }
    }

    /// Shows again the files a restored draft had uploaded.
    pub fn restore(self, staged: Vec<StagedFile>) {
        for file in staged {
            let item = self.item(file.name.clone(), file.size as f64, Stage::Done, None);
            item.progress.set(1.0);
            item.staged.set(Some(file));
            self.items.update(|items| items.push(item));
        }
    }

    pub fn retry(self, item: &Item) {
        self.send.dispatch(item.clone());
    }

    /// Removes a file from the form, stopping its upload if one is under way and taking
    /// it back from the server if it was up.
    pub fn remove(self, id: u32) {
        self.items.update(|items| {
            if let Some(item) = items.iter().find(|i| i.id == id) {
                item.xhr.with_value(|xhr| {
                    if let Some(xhr) = xhr {
                        let _ = xhr.abort();
                    }
                });
                if let Some(staged) = item.staged.get_untracked() {
                    self.unstage.dispatch(staged.id);
                }
            }
            items.retain(|i| i.id != id);
        });
    }

    /// Takes back files uploaded for a draft that is thrown away.
    pub fn discard(self, staged: &[StagedFile]) {
        for file in staged {
            self.unstage.dispatch(file.id);
        }
    }

    /// The files up on the server (tracked: a draft keeps them).
    pub fn staged(self) -> Vec<StagedFile> {
        self.items
            .with(|items| items.iter().filter_map(|i| i.staged.get()).collect())
    }

    /// An upload is under way.
    pub fn busy(self) -> bool {
        self.items
            .with(|items| items.iter().any(|i| i.stage.get() == Stage::Sending))
    }

    /// An upload failed (the API was down): it must be retried or removed before
    /// sending. A refused file never goes, and says so in the list.
    pub fn has_trouble(self) -> bool {
        self.items
            .with(|items| items.iter().any(|i| i.stage.get() == Stage::Failed))
    }

    /// The ids of the files up on the server, for the request or comment to take.
    pub fn staged_ids(self) -> Vec<FileId> {
        self.items.with_untracked(|items| {
            items
                .iter()
                .filter_map(|i| i.staged.with_untracked(|s| s.as_ref().map(|s| s.id)))
                .collect()
        })
    }

    /// Runs `then` once no upload is under way: now, or when the last one ends (a second
    /// call meanwhile replaces the first).
    pub fn when_ready(self, then: impl FnOnce() + 'static) {
        if self.items.with_untracked(|items| {
            items
                .iter()
                .any(|i| i.stage.get_untracked() == Stage::Sending)
        }) {
            self.then.set_value(Some(Box::new(then)));
            self.waiting.set(true);
        } else {
            then();
        }
    }

    /// The files went with what was sent: the form keeps only those refused, to say so.
    pub fn clear(self) {
        self.items
            .update(|items| items.retain(|i| matches!(i.stage.get_untracked(), Stage::Refused(_))));
    }
}

/// Why the limits refuse a file before it is sent, with `total` bytes of the form's
/// other files going too (the request's own earlier files the server counts itself).
pub fn refusal(name: &str, size: f64, total: f64, limits: &FileLimits) -> Option<Refusal> {
    if size > limits.file_max_bytes as f64 {
        Some(Refusal::TooBig)
    } else if total + size > limits.request_max_bytes as f64 {
        Some(Refusal::RequestFull)
    } else if allowed_extension(name).is_none() {
        Some(Refusal::Type)
    } else {
        None
    }
}

fn stage_after<T>(result: &Result<T, ApiError>) -> Stage {
    match result {
        Ok(_) => Stage::Done,
        // 413: over the per-file limit (a staged file counts toward nothing else).
        Err(ApiError::Server(413)) => Stage::Refused(Refusal::TooBig),
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
        assert_eq!(refusal("a.png", 100.0, 0.0, &limits), None);
        assert_eq!(refusal("a.png", 101.0, 0.0, &limits), Some(Refusal::TooBig));
        assert_eq!(refusal("a.exe", 1.0, 0.0, &limits), Some(Refusal::Type));
        assert_eq!(
            refusal("a.png", 100.0, 901.0, &limits),
            Some(Refusal::RequestFull)
        );
        let mut fields = support_api::validation::FieldErrors::default();
        fields.push("file", "file_type", "no");
        assert_eq!(
            stage_after::<()>(&Err(ApiError::Validation(fields))),
            Stage::Refused(Refusal::Type)
        );
        assert_eq!(
            stage_after::<()>(&Err(ApiError::Network("down".into()))),
            Stage::Failed
        );
    }
}
