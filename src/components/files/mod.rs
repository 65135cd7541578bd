//! Files on requests: attaching them (picker, drag and drop, a pasted screenshot, each
//! with its progress), and showing those a request has.

pub mod attach;
pub mod attachments;
pub mod file_list;

use crate::format;
use crate::i18n::Locale;

/// A size in bytes as the reader's language writes it (`884 B`, `1,5 MB`, `2 GB`).
pub fn size_text(bytes: f64, l: Locale) -> String {
    const K: f64 = 1024.0;
    let (value, unit) = if bytes < K {
        (bytes, "byte")
    } else if bytes < K * K {
        (bytes / K, "kilobyte")
    } else if bytes < K * K * K {
        (bytes / (K * K), "megabyte")
    } else {
        (bytes / (K * K * K), "gigabyte")
    };
    // One decimal is enough to tell sizes apart.
    format::short_unit((value * 10.0).round() / 10.0, unit, l)
}
