//! The browser's localStorage, where the portal keeps what must survive a reload: the
//! chosen language and half-written requests. A full or disabled storage (private
//! windows, policies) only means nothing is kept: the portal works on without it.

use leptos::prelude::window;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The value kept under `key`; `None` when absent or when there is no storage.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
