//! Pieces shared by the pages.

pub mod account;
pub mod connection_banner;
pub mod contact;
pub mod credit;
pub mod error_view;
pub mod files;
pub mod header;
pub mod language_switcher;
pub mod later;
pub mod layout;
pub mod loading;
pub mod mute_toggle;
pub mod nav;
pub mod overview;
pub mod part;
pub mod people;
pub mod plan;
pub mod protected;
pub mod requests;
pub mod sbp_balance;
pub mod text_field;
pub mod words;
