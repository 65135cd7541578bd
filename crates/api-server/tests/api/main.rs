//! The API driven in-process: each test builds the router over a fresh demo database in
//! its own temporary directory and sends requests with `tower::ServiceExt::oneshot`.

mod answers;
mod bodies;
mod catalog;
mod clamd;
mod closing;
mod common;
mod credit;
mod files;
mod files_staged;
mod mail;
mod openapi;
mod people;
mod plan;
mod requests;
mod security;
mod session;
mod two_step;
