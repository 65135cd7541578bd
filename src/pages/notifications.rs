//! `/notifications`: which e-mails the user gets, one switch per kind. Members are
//! offered only the mails about their own requests; admins also the company's.

use leptos::prelude::*;
use leptos_meta::Title;
use support_api::notifications::{NotificationSetting, NotificationSettings};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::part::part;
use crate::components::words::tr;
use crate::i18n::*;
use crate::labels::notification_name;
use crate::pages::page_title;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let settings = LocalResource::new(move || api::notifications::settings(client));
    let title = move || {
        let l = i18n.get_locale();
        page_title(l, td_string!(l, notifications.title))
    };
    view! {
        <Title text=title />
        <h1>{tr(|l| td_string!(l, notifications.heading))}</h1>
        <p>{tr(|l| td_string!(l, notifications.intro))}</p>
        {part(settings, |s| view! { <SettingsForm initial=s.settings.clone() /> }.into_any())}
    }
}

/// Where saving stands.
#[derive(Clone, Debug, PartialEq)]
enum Saving {
    Idle,
    Busy,
    Done,
    Failed(ApiError),
}

/// The switches, grouped into the user's own mails and the company's; saved together.
#[component]
fn SettingsForm(initial: Vec<NotificationSetting>) -> impl IntoView {
    let client = use_client();
    let i18n = use_i18n();
    let kinds: Vec<_> = initial.iter().map(|s| s.kind).collect();
    let chosen = RwSignal::new(initial);
    let saving = RwSignal::new(Saving::Idle);
    let save = Action::new_local(move |settings: &Vec<NotificationSetting>| {
        let body = NotificationSettings {
            settings: settings.clone(),
        };
        async move {
            // The answer is what is stored: shown as it is.
            match api::notifications::save(client, &body).await {
                Ok(saved) => {
                    chosen.try_set(saved.settings);
                    saving.try_set(Saving::Done);
                }
                Err(error) => {
                    saving.try_set(Saving::Failed(error));
                }
            }
        }
    });
    let switch = move |(i, kind)| {
        let id = format!("n-{i}");
        let on = move || chosen.with(|all| all.iter().any(|s| s.kind == kind && s.enabled));
        view! {
            <div class="field choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=on
                    on:change=move |ev| {
                        let enabled = event_target_checked(&ev);
                        chosen.update(|all| {
                            all.iter_mut().filter(|s| s.kind == kind).for_each(|s| s.enabled = enabled);
                        });
                        saving.set(Saving::Idle);
                    }
                />
                <label for=id>{move || notification_name(i18n.get_locale(), kind)}</label>
            </div>
        }
    };
    let (company, own): (Vec<_>, Vec<_>) = kinds
        .into_iter()
        .enumerate()
        .partition(|(_, kind)| kind.company_wide());
    let company = (!company.is_empty()).then(|| {
        view! {
            <fieldset class="group">
                <legend>{tr(|l| td_string!(l, notifications.company))}</legend>
                {company.into_iter().map(switch).collect_view()}
            </fieldset>
        }
    });
    let status = move || {
        let l = i18n.get_locale();
        match saving.get() {
            Saving::Idle => "",
            Saving::Busy => td_string!(l, notifications.saving),
            Saving::Done => td_string!(l, notifications.saved),
            Saving::Failed(error) => error_text(l, &error),
        }
    };
    view! {
        <form
            class="card form"
            on:submit=move |ev| {
                ev.prevent_default();
                saving.set(Saving::Busy);
                save.dispatch(chosen.get_untracked());
            }
        >
            <fieldset class="group">
                <legend>{tr(|l| td_string!(l, notifications.own))}</legend>
                {own.into_iter().map(switch).collect_view()}
            </fieldset>
            {company}
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {tr(|l| td_string!(l, notifications.save))}
                </button>
                <span class="progress" role="status">{status}</span>
            </div>
        </form>
    }
}
