//! What a person can do on a request's page: comment, cancel, and (admins) approve or
//! decline a credit spend. The state lives with the page, so what is typed survives the
//! reload of the request that follows every change.

use leptos::prelude::*;
use support_api::requests::{Decision, NewComment, RequestStatus};

use crate::components::files::attach::{AttachFiles, files_error_text, take_pasted, unsent};
use crate::components::files::attachments::Attachments;

use super::fields::{ErrorLine, described, invalid, normalize};
use super::{field_message, focus_id, new_key, tr};

use crate::api::{self, ApiError, client::Client};
use crate::components::error_view::ActionFailure;
use crate::i18n::*;

/// One of the page's actions: the set is closed, so nothing unknown can become a
/// decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestAction {
    Comment,
    Cancel,
    Approve,
    Decline,
}

/// A text the page's actions take: the comment, or the reason given with a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    Comment,
    Reason,
}

impl Note {
    fn id(self) -> &'static str {
        match self {
            Note::Comment => "comment",
            Note::Reason => "reason",
        }
    }

    /// The contract's field the text is checked as.
    fn field(self) -> &'static str {
        match self {
            Note::Comment => "text",
            Note::Reason => "reason",
        }
    }
}

impl RequestAction {
    /// The text it sends, if any.
    fn note(self) -> Option<Note> {
        match self {
            RequestAction::Comment => Some(Note::Comment),
            RequestAction::Approve | RequestAction::Decline => Some(Note::Reason),
            RequestAction::Cancel => None,
        }
    }

    /// Where its failure is told: the decision's two buttons share one place.
    fn place(self) -> RequestAction {
        match self {
            RequestAction::Decline => RequestAction::Approve,
            other => other,
        }
    }
}

/// The actions' state and the one mutation that runs them, one at a time.
#[derive(Clone, Copy)]
pub struct Actions {
    comment: RwSignal<String>,
    reason: RwSignal<String>,
    /// The refused text and its code.
    refusal: RwSignal<Option<(Note, String)>>,
    /// A failure to tell beside an action.
    failure: RwSignal<Option<(RequestAction, ApiError)>>,
    act: Action<(RequestAction, i64, String), ()>,
    i18n: leptos_i18n::I18nContext<Locale>,
    /// The comment's files: they go up once the comment is sent.
    pub files: Attachments,
}

impl Actions {
    /// Every change answers with the request as it now is: `reload` shows it.
    pub fn new(client: Client, reload: impl Fn() + Send + Sync + Copy + 'static) -> Self {
        let comment = RwSignal::new(String::new());
        let reason = RwSignal::new(String::new());
        let comment_key = StoredValue::new(new_key());
        let refusal = RwSignal::new(None);
        let failure = RwSignal::new(None);
        let files = Attachments::new(client);
        let act = Action::new_local(move |(what, id, text): &(RequestAction, i64, String)| {
            let (what, id, text) = (*what, *id, text.clone());
            async move {
                let result = match what {
                    RequestAction::Comment => {
                        let key = comment_key.try_get_value().unwrap_or_default();
                        let staged = files.staged_ids();
                        let sent = api::requests::comment(client, id, text, staged, &key).await;
                        // The comment took the files: the form starts empty.
                        sent.inspect(|_| files.clear())
                    }
                    RequestAction::Cancel => api::requests::cancel(client, id).await,
                    RequestAction::Approve | RequestAction::Decline => {
                        let decision = Decision {
                            approve: what == RequestAction::Approve,
                            reason: (!text.is_empty()).then_some(text),
                        };
                        api::requests::decide(client, id, &decision).await
                    }
                };
                match result {
                    Ok(()) => {
                        match what.note() {
                            Some(Note::Comment) => {
                                comment.set(String::new());
                                comment_key.try_set_value(new_key());
                            }
                            Some(Note::Reason) => reason.set(String::new()),
                            None => {}
                        }
                        reload();
                    }
                    Err(ApiError::Validation(fields)) => {
                        let fields = normalize(fields);
                        let refused = what.note().and_then(|note| {
                            fields
                                .code_for(note.field())
                                .map(|code| (note, code.to_owned()))
                        });
                        match refused {
                            Some((note, code)) => {
                                refusal.set(Some((note, code)));
                                focus_id(note.id());
                            }
                            None => failure.set(Some((what, ApiError::Validation(fields)))),
                        }
                    }
                    // The request changed meanwhile (e.g. no longer cancellable): show it
                    // as it is.
                    Err(ApiError::Server(409)) => {
                        failure.set(Some((what, ApiError::Server(409))));
                        reload();
                    }
                    Err(e) => failure.set(Some((what, e))),
                }
            }
        });
        Actions {
            comment,
            reason,
            refusal,
            failure,
            act,
            i18n: use_i18n(),
            files,
        }
    }

    fn text(self, note: Note) -> RwSignal<String> {
        match note {
            Note::Comment => self.comment,
            Note::Reason => self.reason,
        }
    }

    fn busy(self) -> bool {
        self.act.pending().get()
    }

    /// Checks the action's text as the server would, asks before cancelling, and runs it.
    fn run(self, what: RequestAction, id: i64) {
        if self.act.pending().get_untracked() {
            return;
        }
        self.failure.set(None);
        let text = what
            .note()
            .map(|note| self.text(note).get_untracked().trim().to_owned())
            .unwrap_or_default();
        let refused = match what {
            RequestAction::Comment => NewComment {
                text: text.clone(),
                files: Vec::new(),
            }
            .validate()
            .err(),
            RequestAction::Approve | RequestAction::Decline => Decision {
                approve: what == RequestAction::Approve,
                reason: (!text.is_empty()).then(|| text.clone()),
            }
            .validate()
            .err(),
            RequestAction::Cancel => None,
        };
        let refused = what.note().zip(refused).and_then(|(note, errors)| {
            errors
                .code_for(note.field())
                .map(|code| (note, code.to_owned()))
        });
        if let Some((note, code)) = refused {
            self.refusal.set(Some((note, code)));
            focus_id(note.id());
            return;
        }
        self.refusal.set(None);
        if what == RequestAction::Comment {
            // Files still going up are waited for; one that failed must be retried or
            // removed first.
            let act = self.act;
            let failure = self.failure;
            let files = self.files;
            files.when_ready(move || {
                if files.has_trouble() {
                    failure.set(Some((what, ApiError::Validation(unsent()))));
                } else {
                    act.dispatch((what, id, text));
                }
            });
            return;
        }
        if what == RequestAction::Cancel {
            let question = td_string!(
                self.i18n.get_locale_untracked(),
                requests.detail.cancel_confirm
            );
            if !window().confirm_with_message(question).unwrap_or(false) {
                return;
            }
        }
        self.act.dispatch((what, id, text));
    }
}

/// A labelled textarea for one of the action texts, with its error line.
#[component]
fn NoteField(actions: Actions, note: Note, label: fn(Locale) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let text = actions.text(note);
    let id = note.id();
    let error_id = format!("{id}-error");
    let message = Signal::derive(move || {
        actions.refusal.with(|r| {
            r.as_ref()
                .filter(|(n, _)| *n == note)
                .map(|(_, code)| field_message(i18n.get_locale(), note.field(), code))
        })
    });
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <textarea
                id=id
                name=id
                rows="4"
                prop:value=text
                aria-invalid=invalid(message)
                aria-describedby=described(message, None, error_id.clone())
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    if actions.refusal.with_untracked(|r| r.as_ref().is_some_and(|(n, _)| *n == note)) {
                        actions.refusal.set(None);
                    }
                }
            ></textarea>
            <ErrorLine id=error_id message />
        </div>
    }
}

/// Where a failed action says what happened.
#[component]
fn ActionAlert(actions: Actions, place: RequestAction) -> impl IntoView {
    let i18n = use_i18n();
    let text = Signal::derive(move || {
        actions.failure.with(|f| {
            f.as_ref()
                .filter(|(what, _)| what.place() == place)
                .map(|(_, e)| files_error_text(i18n.get_locale(), e))
        })
    });
    view! { <ActionFailure text /> }
}

/// A button that runs an action, disabled while one runs.
#[component]
fn ActionButton(
    actions: Actions,
    what: RequestAction,
    id: i64,
    secondary: bool,
    text: fn(Locale) -> &'static str,
) -> impl IntoView {
    let class = if secondary {
        "button button-secondary"
    } else {
        "button"
    };
    view! {
        <button
            type="button"
            class=class
            disabled=move || actions.busy()
            on:click=move |_| actions.run(what, id)
        >
            {tr(text)}
        </button>
    }
}

/// An admin's decision on a credit spend that waits for approval.
#[component]
pub fn DecisionCard(actions: Actions, id: i64) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="decision-heading">
            <h2 id="decision-heading">{tr(|l| td_string!(l, requests.detail.decision_heading))}</h2>
            <p>{tr(|l| td_string!(l, requests.detail.decision_text))}</p>
            <div class="form">
                <NoteField actions note=Note::Reason label=|l| td_string!(l, requests.detail.reason) />
                <ActionAlert actions place=RequestAction::Approve />
                <div class="form-actions">
                    <ActionButton actions what=RequestAction::Approve id secondary=false
                        text=|l| td_string!(l, requests.detail.approve) />
                    <ActionButton actions what=RequestAction::Decline id secondary=true
                        text=|l| td_string!(l, requests.detail.decline) />
                </div>
            </div>
        </section>
    }
}

/// The comment form, or why the request takes none.
#[component]
pub fn CommentCard(actions: Actions, id: i64, status: RequestStatus) -> impl IntoView {
    let form = status.takes_comments().then(|| {
        view! {
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    actions.run(RequestAction::Comment, id);
                }
                on:paste=move |ev| take_pasted(actions.files, &ev, actions.i18n.get_locale_untracked())
            >
                <NoteField actions note=Note::Comment label=|l| td_string!(l, requests.detail.comment_label) />
                <AttachFiles files=actions.files id="comment-files" />
                <ActionAlert actions place=RequestAction::Comment />
                <button type="submit" class="button" disabled=move || actions.busy()>
                    {tr(|l| td_string!(l, requests.detail.comment_send))}
                </button>
            </form>
        }
    });
    let none = form.is_none().then(|| {
        let why = if status == RequestStatus::Cancelled {
            tr(|l| td_string!(l, requests.detail.no_comments_cancelled))
        } else {
            tr(|l| td_string!(l, requests.detail.no_comments_closed))
        };
        view! { <p class="notice">{why}</p> }
    });
    view! {
        <section class="card" aria-labelledby="comment-heading">
            <h2 id="comment-heading">{tr(|l| td_string!(l, requests.detail.comment_heading))}</h2>
            {form}
            {none}
        </section>
    }
}

/// Cancelling, for a request that can still be cancelled.
#[component]
pub fn CancelCard(actions: Actions, id: i64) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">{tr(|l| td_string!(l, requests.detail.cancel_heading))}</h2>
            <p>{tr(|l| td_string!(l, requests.detail.cancel_text))}</p>
            <ActionAlert actions place=RequestAction::Cancel />
            <ActionButton actions what=RequestAction::Cancel id secondary=true
                text=|l| td_string!(l, requests.detail.cancel) />
        </section>
    }
}
