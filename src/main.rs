//! The support portal: a client-side Leptos app, mounted on `<body>`.

mod api;
mod app;
mod billing;
mod calendar;
mod components;
mod connection;
mod coverage;
mod crash;
mod credit;
mod csv;
mod download;
mod format;
mod labels;
mod language;
mod pages;
mod plan;
mod redirect;
mod requests;
mod session;
mod storage;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

fn main() {
    crash::install();
    leptos::mount::mount_to_body(app::App);
}
