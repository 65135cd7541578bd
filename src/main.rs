//! The support portal: a client-side Leptos app, mounted on `<body>`.

mod api;
mod app;
mod components;
mod credit;
mod format;
mod markup;
mod pages;
mod redirect;
mod session;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
