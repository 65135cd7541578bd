//! `AttachFiles`: the file picker of a form, with drag and drop and pasting of a
//! screenshot, and each chosen file with its size, progress, and what became of it.

use leptos::prelude::*;
use support_api::files::FILES_FIELD;
use support_api::validation::FieldErrors;
use web_sys::{ClipboardEvent, DragEvent, File, FileList, HtmlInputElement};

use super::attachments::{Attachments, Item, Refusal, Stage};
use super::size_text;
use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::action_error_text;
use crate::components::words::tr;
use crate::i18n::*;
use support_api::template::fill;

fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Takes the files of a paste (a screenshot) into `files`; plain text pastes as usual.
/// For the form's own `on:paste`, so pasting works wherever its focus is.
pub fn take_pasted(files: Attachments, ev: &ClipboardEvent, l: Locale) {
    let pasted = files_of(ev.clipboard_data().and_then(|d| d.files()));
    if !pasted.is_empty() {
        ev.prevent_default();
        files.add(pasted, td_string!(l, files.screenshot));
    }
}

/// What a failure says, naming files that did not go (refused by the server as well).
pub fn files_error_text(l: Locale, error: &ApiError) -> &'static str {
    match error {
        ApiError::Validation(fields) if fields.code_for(FILES_FIELD).is_some() => {
            td_string!(l, files.unsent)
        }
        error => action_error_text(l, error),
    }
}

/// Files that failed or were refused keep a comment or request from going.
pub fn unsent() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.push(
        FILES_FIELD,
        "unsent",
        "retry or remove the files that did not upload",
    );
    errors
}

/// `id` names the picker (one per form on a page).
#[component]
pub fn AttachFiles(files: Attachments, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let limits = LocalResource::new(move || api::files::limits(client));
    Effect::new(move |_| {
        if let Some(Ok(read)) = limits.get() {
            files.limits.set(Some(read));
        }
    });
    let limits_text = move || {
        let l = i18n.get_locale();
        files.limits.with(|limits| {
            limits.as_ref().map(|limits| {
                let file = size_text(limits.file_max_bytes as f64, l);
                let request = size_text(limits.request_max_bytes as f64, l);
                fill(
                    td_string!(l, files.limits),
                    &[("file", &file), ("request", &request)],
                )
            })
        })
    };
    let add = move |list: Option<FileList>| {
        files.add(
            files_of(list),
            td_string!(i18n.get_locale_untracked(), files.screenshot),
        )
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div
            class="attach"
            on:dragover=|ev: DragEvent| ev.prevent_default()
            on:drop=move |ev: DragEvent| {
                ev.prevent_default();
                add(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <label for=id>{tr(|l| td_string!(l, files.attach))}</label>
            <input
                id=id
                type="file"
                multiple
                aria-describedby=hint_id.clone()
                on:change=move |ev| {
                    let input: HtmlInputElement = event_target(&ev);
                    add(input.files());
                    // The same file may be chosen again after it was removed.
                    input.set_value("");
                }
            />
            <p class="hint" id=hint_id>
                {tr(|l| td_string!(l, files.hint))}" "{limits_text}
            </p>
            <ul class="attach-list">
                <For
                    each=move || files.items.get()
                    key=|item| item.id
                    children=move |item| view! { <AttachRow files item /> }
                />
            </ul>
        </div>
    }
}

/// One chosen file: name, size, progress, what became of it, retry and remove.
#[component]
fn AttachRow(files: Attachments, item: Item) -> impl IntoView {
    let i18n = use_i18n();
    let (id, stage, progress) = (item.id, item.stage, item.progress);
    let name = item.name.clone();
    let named = move |template: &str| fill(template, &[("name", &name)]);
    let label = move |text: fn(Locale) -> &'static str| {
        let named = named.clone();
        move || named(text(i18n.get_locale()))
    };
    let progress_label = label(|l| td_string!(l, files.progress));
    let remove_label = label(|l| td_string!(l, files.remove));
    let retry_label = StoredValue::new(label(|l| td_string!(l, files.retry)));
    let status = move || {
        let l = i18n.get_locale();
        let limit = |bytes: Option<u64>| size_text(bytes.unwrap_or_default() as f64, l);
        match stage.get() {
            Stage::Sending => String::new(),
            Stage::Done => td_string!(l, files.uploaded).to_owned(),
            Stage::Failed => td_string!(l, files.failed).to_owned(),
            Stage::Refused(Refusal::Type) => td_string!(l, files.bad_type).to_owned(),
            Stage::Refused(Refusal::TooBig) => {
                let max = files.limits.with(|x| x.as_ref().map(|x| x.file_max_bytes));
                fill(td_string!(l, files.too_big), &[("limit", &limit(max))])
            }
            Stage::Refused(Refusal::RequestFull) => {
                let max = files
                    .limits
                    .with(|x| x.as_ref().map(|x| x.request_max_bytes));
                fill(td_string!(l, files.request_full), &[("limit", &limit(max))])
            }
        }
    };
    let size = move || size_text(item.size, i18n.get_locale());
    let item = StoredValue::new(item);
    view! {
        <li class="attach-item" class:refused=move || matches!(stage.get(), Stage::Refused(_) | Stage::Failed)>
            <span class="file-name">{item.with_value(|i| i.name.clone())}</span>
            <span class="file-size">{size}</span>
            <progress
                max="1000"
                value=move || permille(progress.get())
                aria-label=progress_label
                hidden=move || !matches!(stage.get(), Stage::Sending | Stage::Done)
            ></progress>
            <span class="file-status">{status}</span>
            {move || (stage.get() == Stage::Failed).then(|| view! {
                <button type="button" class="link" aria-label=retry_label.get_value()
                    on:click=move |_| item.with_value(|i| files.retry(i))>
                    {tr(|l| td_string!(l, files.retry_short))}
                </button>
            })}
            <button type="button" class="link" aria-label=remove_label on:click=move |_| files.remove(id)>
                {tr(|l| td_string!(l, files.remove_short))}
            </button>
        </li>
    }
}

/// An upload's share done (0 to 1) in thousandths, for `<progress max="1000">`: an
/// integer attribute, where writing the `f64` itself linked Rust's float formatting
/// (11 KiB of wasm) into the portal for this one value.
fn permille(share: f64) -> u32 {
    (share.clamp(0.0, 1.0) * 1000.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::permille;

    #[test]
    fn progress_is_written_in_thousandths_within_the_bar() {
        assert_eq!(permille(0.0), 0);
        assert_eq!(permille(0.4567), 457);
        assert_eq!(permille(1.0), 1000);
        assert_eq!(permille(1.2), 1000);
        assert_eq!(permille(-0.1), 0);
    }
}
