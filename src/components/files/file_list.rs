//! Files a request has: name (a download link once the virus check passed), size, who
//! added it and when, the check's status, and a preview of a clean image.

use leptos::prelude::*;
use support_api::API_PREFIX;
use support_api::files::{FileInfo, ScanStatus};

use super::size_text;
use crate::format;
use crate::i18n::*;
use support_api::template::fill;

fn scan_text(l: Locale, scan: ScanStatus) -> &'static str {
    match scan {
        ScanStatus::Pending => td_string!(l, files.pending),
        ScanStatus::Clean => td_string!(l, files.clean),
        ScanStatus::Blocked => td_string!(l, files.blocked),
    }
}

/// The files, in the order given (they never change place).
#[component]
pub fn FileList(files: Vec<FileInfo>) -> impl IntoView {
    let i18n = use_i18n();
    (!files.is_empty()).then(|| {
        let rows = files
            .into_iter()
            .map(|file| {
                let url = format!("{API_PREFIX}/files/{}", file.id);
                let clean = file.scan == ScanStatus::Clean;
                let preview = file.is_previewable().then(|| {
                    let name = file.name.clone();
                    let alt = move || {
                        fill(
                            td_string!(i18n.get_locale(), files.preview),
                            &[("name", &name)],
                        )
                    };
                    view! { <img class="file-preview" src=url.clone() alt=alt loading="lazy" /> }
                });
                let name = if clean {
                    view! { <a href=url download=file.name.clone()>{file.name.clone()}</a> }
                        .into_any()
                } else {
                    view! { <span>{file.name.clone()}</span> }.into_any()
                };
                let (size, scan, at) = (file.size as f64, file.scan, file.uploaded_at.clone());
                let meta = move || {
                    let l = i18n.get_locale();
                    format!(
                        " · {} · {} · {}",
                        size_text(size, l),
                        file.uploaded_by,
                        format::date_time(&at, l)
                    )
                };
                view! {
                    <li class="file">
                        {name}
                        <span class="file-meta">{meta}</span>
                        " "
                        <span class=format!("file-scan scan-{}", scan.as_str())>
                            {move || scan_text(i18n.get_locale(), scan)}
                        </span>
                        {preview}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="files">{rows}</ul> }
    })
}
