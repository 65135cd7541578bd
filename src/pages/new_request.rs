//! `/requests/new`: choose what you need, then the form for it (`?type=` preselects,
//! `&amount=` pre-fills a top-up). The estimate follows the form; the draft is kept in
//! the browser, with its idempotency key, until the server has confirmed the request.
//!
//! The form is built as markup and re-built only when its shape changes (the language,
//! a course or a topic of one's own, a date added or removed); typing updates the form's
//! state through events that bubble to the `<form>`, and errors are set on the fields in
//! place. A typed view per input would cost the wasm several times as much.

use std::sync::Arc;
use std::time::Duration;

use leptos::html;
use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use support_api::catalog::{BilledAs, Catalog};
use support_api::money::Currency;
use support_api::plan::{CoverageStatus, Plan, Priority};
use support_api::requests::{NewRequest, RequestType};
use support_api::validation::{FieldErrors, codes};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::part::part;
use crate::components::requests::dom::{by_id, mark, set_attr, set_text, target};
use crate::components::requests::estimate_panel::{EstimateState, estimate_markup};
use crate::components::requests::fields::{Errors, Kind, error_line, field, normalize};
use crate::components::requests::onsite_fields::onsite_fields;
use crate::components::requests::remote_fields::remote_fields;
use crate::components::requests::service_fields::service_fields;
use crate::components::requests::top_up_fields::top_up_fields;
use crate::components::requests::training_fields::training_fields;
use crate::components::requests::{focus_id, new_key, today, tr, zone_offset};
use crate::format;
use crate::i18n::*;
use crate::labels::{billed_name, priority_name, type_hint, type_name};
use crate::markup::Markup;
use crate::pages::page_title;
use crate::plan::use_plan;
use crate::requests::form::{Draft, FIELD_ORDER, FormState, Text, draft_storage_key};
use crate::session::use_session;
use crate::storage;
use crate::template::fill;

/// How long the form must rest before the estimate is asked for again.
const ESTIMATE_DEBOUNCE: Duration = Duration::from_millis(400);

/// The types this customer can request, in the catalog's order.
fn offered(plan: &Plan, catalog: &Catalog) -> Vec<(RequestType, Option<BilledAs>)> {
    let mut types: Vec<_> = catalog
        .services
        .iter()
        .filter_map(|s| {
            RequestType::ALL
                .into_iter()
                .find(|t| t.service() == Some(s.code))
                .map(|t| (t, Some(s.billed_as)))
        })
        .collect();
    if plan.sbp.is_some() {
        types.push((RequestType::CreditTopUp, None));
    }
    types
}

#[component]
pub fn NewRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let params = use_query_map();
    let kind =
        Memo::new(move |_| params.with(|p| p.get("type").and_then(|t| RequestType::parse(&t))));
    let title = move || {
        let l = i18n.get_locale();
        page_title(l, td_string!(l, requests.form.title))
    };
    // One load for both: the form needs the plan and the catalog.
    let plan = use_plan();
    let both = LocalResource::new(move || async move {
        let plan = plan.await?;
        let catalog = api::plan::catalog(client).await?;
        Ok::<_, ApiError>((Arc::new(plan), Arc::new(catalog)))
    });
    let content = move |(plan, catalog): &(Arc<Plan>, Arc<Catalog>)| {
        let (plan, catalog) = (plan.clone(), catalog.clone());
        let amount = params.with_untracked(|p| p.get("amount"));
        let types = offered(&plan, &catalog);
        match kind.get().filter(|k| types.iter().any(|(t, _)| t == k)) {
            Some(kind) => view! { <RequestForm kind plan catalog amount /> }.into_any(),
            None => {
                let chooser = move || chooser(i18n.get_locale(), &types).into_view();
                chooser.into_any()
            }
        }
    };
    view! {
        <Title text=title />
        <p class="back"><a href="/requests">{tr(|l| td_string!(l, requests.detail.back))}</a></p>
        {part(both, content)}
    }
}

/// "What do you need?": each type in a customer's words, with how it is billed.
fn chooser(l: Locale, types: &[(RequestType, Option<BilledAs>)]) -> Markup {
    let mut m = Markup::new();
    m.el("h1", &[], td_string!(l, requests.form.choose_heading));
    m.el(
        "p",
        &[("class", "lead")],
        td_string!(l, requests.form.choose_intro),
    );
    m.open("ul", &[("class", "choices")]);
    for (t, billed) in types {
        let href = format!("/requests/new?type={}", t.as_str());
        m.open("li", &[])
            .open("a", &[("class", "choice-card"), ("href", &href)]);
        m.el("strong", &[], type_name(l, *t));
        m.el("span", &[], type_hint(l, *t));
        if let Some(b) = billed {
            m.el("span", &[("class", "billing")], billed_name(l, *b));
        }
        m.close("a").close("li");
    }
    m.close("ul");
    m
}

/// The draft as the estimate gets it: the texts do not change a price, so typing them
/// asks nothing of the server.
fn pricing(request: &NewRequest) -> NewRequest {
    NewRequest {
        title: String::new(),
        description: String::new(),
        contact_phone: None,
        ..request.clone()
    }
}

/// The id of the element that shows a field's errors.
fn field_id(field: &str) -> String {
    match field {
        "preferred_dates" => "f-date-0".to_owned(),
        // The course error shows at the topic while a topic of one's own is chosen.
        "course" | "course_date_id" if by_id("f-custom_topic").is_some() => {
            "f-custom_topic".to_owned()
        }
        "course_date_id" => "f-course".to_owned(),
        _ => format!("f-{field}"),
    }
}

/// Focuses the first refused field, in the form's order.
fn focus_first(errors: &FieldErrors) {
    if let Some(field) = FIELD_ORDER
        .into_iter()
        .find(|f| errors.code_for(f).is_some())
    {
        focus_id(&field_id(field));
    }
}

/// Everything the form builds from, besides its state.
struct Shape {
    kind: RequestType,
    plan: Arc<Plan>,
    catalog: Arc<Catalog>,
    currency: Currency,
    today: String,
}

/// The whole form as markup, holding `f`'s values.
fn form_markup(l: Locale, s: &Shape, f: &FormState, accept: bool) -> Markup {
    let mut m = Markup::new();
    m.el(
        "p",
        &[("class", "hint")],
        td_string!(l, requests.form.draft_kept),
    );
    field(
        &mut m,
        Text::Title,
        td_string!(l, requests.form.subject),
        Kind::Input("text"),
        &f.title,
        None,
    );
    let with_product = matches!(
        s.kind,
        RequestType::Hotline | RequestType::OnsiteService | RequestType::RemoteService
    );
    if let Some(alc) = s.plan.alc.as_ref().filter(|_| with_product) {
        let mut products = vec![(
            String::new(),
            td_string!(l, requests.form.no_product).to_owned(),
        )];
        products.extend(alc.installed_base.iter().map(|lic| {
            let text = if lic.status == CoverageStatus::Lapsed {
                format!("{} ({})", lic.product, td_string!(l, requests.form.lapsed))
            } else {
                lic.product.clone()
            };
            (lic.id.to_string(), text)
        }));
        field(
            &mut m,
            Text::Licence,
            td_string!(l, requests.form.product),
            Kind::Select(&products),
            &f.licence,
            None,
        );
    }
    if with_product {
        let priorities: Vec<(String, String)> = Priority::ALL
            .into_iter()
            .map(|p| (p.as_str().to_owned(), priority_name(l, p).to_owned()))
            .collect();
        field(
            &mut m,
            Text::Priority,
            td_string!(l, requests.list.priority),
            Kind::Select(&priorities),
            &f.priority,
            None,
        );
    }
    match s.kind {
        RequestType::Training => training_fields(&mut m, l, f, &s.catalog, &s.today),
        RequestType::OnsiteService => onsite_fields(&mut m, l, f, &s.today),
        RequestType::RemoteService => remote_fields(&mut m, l, f),
        RequestType::CreditTopUp => top_up_fields(&mut m, l, f, s.currency),
        RequestType::Hotline => {}
        _ => service_fields(&mut m, l, f),
    }
    let description = match s.kind {
        RequestType::Hotline | RequestType::OnsiteService | RequestType::RemoteService => {
            td_string!(l, requests.form.problem)
        }
        RequestType::CreditTopUp => td_string!(l, requests.form.note),
        _ => td_string!(l, requests.form.need),
    };
    field(
        &mut m,
        Text::Description,
        description,
        Kind::TextArea,
        &f.description,
        None,
    );
    if s.kind != RequestType::CreditTopUp {
        field(
            &mut m,
            Text::Phone,
            td_string!(l, requests.form.phone),
            Kind::Input("tel"),
            &f.phone,
            None,
        );
    }
    // Shown when the estimate says the cost must be confirmed; its words follow the cost.
    m.open(
        "div",
        &[("id", "accept"), ("class", "field choice"), ("hidden", "")],
    );
    let mut attrs = vec![("type", "checkbox"), ("id", "f-accept_cost")];
    if accept {
        attrs.push(("checked", ""));
    }
    m.open("input", &attrs).close("input");
    m.el(
        "label",
        &[("for", "f-accept_cost"), ("id", "accept-label")],
        "",
    );
    error_line(&mut m, "f-accept_cost");
    m.close("div");
    m.el(
        "p",
        &[
            ("id", "f-alert"),
            ("class", "form-alert"),
            ("role", "alert"),
            ("hidden", ""),
        ],
        "",
    );
    m.open("div", &[("class", "form-actions")]);
    m.el(
        "button",
        &[("type", "submit"), ("id", "f-send"), ("class", "button")],
        td_string!(l, requests.form.send),
    );
    m.el(
        "span",
        &[
            ("id", "f-progress"),
            ("class", "progress"),
            ("role", "status"),
        ],
        "",
    );
    m.close("div");
    m
}

/// The offer to continue a stored draft.
fn offer_markup(l: Locale, draft: &Draft) -> Markup {
    let when = format::date_time(&iso(draft.saved_at as f64), l);
    let mut m = Markup::new();
    m.open(
        "section",
        &[
            ("class", "card draft-offer"),
            ("aria-labelledby", "draft-heading"),
        ],
    );
    m.el(
        "h2",
        &[("id", "draft-heading")],
        td_string!(l, requests.form.draft_heading),
    );
    m.el(
        "p",
        &[],
        &fill(td_string!(l, requests.form.draft_text), &[("date", &when)]),
    );
    m.open("div", &[("class", "form-actions")]);
    m.el(
        "button",
        &[
            ("type", "button"),
            ("class", "button"),
            ("data-action", "restore"),
        ],
        td_string!(l, requests.form.draft_restore),
    );
    m.el(
        "button",
        &[
            ("type", "button"),
            ("class", "button button-secondary"),
            ("data-action", "discard"),
        ],
        td_string!(l, requests.form.draft_discard),
    );
    m.close("div").close("section");
    m
}

#[component]
fn RequestForm(
    kind: RequestType,
    plan: Arc<Plan>,
    catalog: Arc<Catalog>,
    amount: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    let navigate = use_navigate();
    let user_id = session.with(|s| s.user.id).unwrap_or(0);
    let currency = session
        .with(|s| s.customer.currency)
        .unwrap_or(catalog.currency);
    let storage_key = StoredValue::new(draft_storage_key(user_id, kind));
    let shape = StoredValue::new(Shape {
        kind,
        plan,
        catalog,
        currency,
        today: today(),
    });

    let initial = FormState {
        amount: amount
            .filter(|a| kind == RequestType::CreditTopUp && a.len() < 20)
            .unwrap_or_default(),
        ..FormState::default()
    };
    let offer = RwSignal::new(
        Draft::decode(storage::get(&storage_key.get_value()).as_deref())
            .filter(|d| d.form != initial),
    );
    let key = StoredValue::new(new_key());
    let form = RwSignal::new(initial.clone());
    let accept = RwSignal::new(false);
    // The element to focus once the form is built anew (after adding a date, …).
    let focus_after = StoredValue::new(None::<String>);

    let checked = Memo::new(move |_| {
        let today = shape.with_value(|s| s.today.clone());
        form.with(|f| f.check(kind, currency, &today, &zone_offset))
    });

    // The estimate: asked for when the form rests, the latest answer wins.
    let estimate = RwSignal::new(EstimateState::Loading);
    let estimated_for = StoredValue::new(None::<NewRequest>);
    let body = Memo::new(move |_| checked.with(|(r, _)| pricing(r)));
    // What the server refuses about a draft shows at the fields even before sending.
    let server_errors = RwSignal::new(FieldErrors::default());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let draft = body.get();
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                generation.update_value(|g| *g += 1);
                let mine = generation.get_value();
                if !matches!(estimate.get_untracked(), EstimateState::Ready(_)) {
                    estimate.set(EstimateState::Loading);
                }
                spawn_local(async move {
                    let result = api::requests::estimate(client, &draft).await;
                    if generation.try_get_value() != Some(mine) {
                        return;
                    }
                    estimate.try_set(match result {
                        Ok(e) => {
                            estimated_for.set_value(Some(draft));
                            EstimateState::Ready(e)
                        }
                        Err(ApiError::Validation(fields)) => {
                            server_errors.set(normalize(fields));
                            EstimateState::Incomplete
                        }
                        Err(e) => EstimateState::Failed(e),
                    });
                });
            },
            ESTIMATE_DEBOUNCE,
        );
        timer.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(t) = timer.try_get_value().flatten() {
            t.clear();
        }
    });
    // What the customer confirms when the request is not included: the amount and how it
    // is billed. A changed cost must be confirmed again.
    let confirm = Memo::new(move |_| match estimate.get() {
        EstimateState::Ready(e) if e.needs_confirmation => Some((e.amount, e.billed_as)),
        _ => None,
    });
    Effect::new(move |_| {
        confirm.with(|_| ());
        accept.set(false);
        set_attr("f-accept_cost", "checked", None);
        if let Some(el) = by_id("f-accept_cost") {
            let _ = js_sys::Reflect::set(&el, &"checked".into(), &false.into());
        }
    });

    let client_errors = Memo::new(move |_| {
        let mut errors = checked.with(|(_, e)| e.clone());
        if confirm.with(Option::is_some) && !accept.get() {
            errors.push("accept_cost", codes::REQUIRED, "confirm the cost");
        }
        errors
    });
    let errors = Errors {
        server: server_errors,
        ..Errors::new(client_errors.into())
    };

    // Kept in the browser on every change (not while a stored draft is being offered).
    Effect::new(move |previous: Option<()>| {
        let state = form.get();
        if previous.is_none() || offer.with_untracked(Option::is_some) {
            return;
        }
        let storage_key = storage_key.get_value();
        if state == initial {
            storage::remove(&storage_key);
        } else {
            let draft = Draft {
                key: key.get_value(),
                saved_at: js_sys::Date::now() as i64,
                form: state,
            };
            storage::set(&storage_key, &draft.encode());
        }
    });

    let send = Action::new_local(
        move |(request, key, accepted): &(NewRequest, String, bool)| {
            let (request, key, accepted) = (request.clone(), key.clone(), *accepted);
            let navigate = navigate.clone();
            async move {
                // The cost must be known, and confirmed when it is not included.
                let body = pricing(&request);
                if estimated_for.with_value(|e| e.as_ref() != Some(&body)) {
                    let e = api::requests::estimate(client, &body).await?;
                    let confirm = e.needs_confirmation;
                    estimated_for.set_value(Some(body));
                    estimate.set(EstimateState::Ready(e));
                    if confirm && !accepted {
                        let mut errors = FieldErrors::default();
                        errors.push("accept_cost", codes::REQUIRED, "confirm the cost");
                        return Err(ApiError::Validation(errors));
                    }
                }
                let id = api::requests::create(client, &request, &key).await?;
                storage::remove(&storage_key.get_value());
                navigate(&format!("/requests/{id}"), Default::default());
                Ok(())
            }
        },
    );
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Err(ApiError::Validation(fields))) = send.value().get() {
            let fields = normalize(fields);
            errors.set_server(fields.clone());
            errors.all.set(true);
            request_animation_frame(move || focus_first(&fields));
        }
    });

    // The form's markup, built anew only when its shape changes.
    let form_ref = NodeRef::<html::Form>::new();
    let shape_key = Memo::new(move |_| form.with(|f| (f.course_mode.clone(), f.dates.len())));
    // The errors, the cost to confirm, the alert and the button, set in place.
    let sync = move || {
        let l = i18n.get_locale();
        let dates = form.with_untracked(|f| f.dates.len());
        for t in Text::ALL {
            let id = format!("f-{}", t.fields()[0]);
            let hint = format!("{id}-hint");
            let hint = by_id(&hint).map(|_| hint);
            mark(
                &id,
                &format!("{id}-error"),
                hint.as_deref(),
                errors.message(l, t.fields()),
            );
        }
        if by_id("f-course").is_some() {
            mark(
                "f-course",
                "f-course-error",
                None,
                errors.message(l, Text::CourseDate.fields()),
            );
        }
        let dates_message = errors.message(l, &["preferred_dates"]);
        mark("f-date-0", "f-preferred_dates-error", None, dates_message);
        for i in 1..dates {
            let id = format!("f-date-{i}");
            set_attr(&id, "aria-invalid", dates_message.map(|_| "true"));
            set_attr(
                &id,
                "aria-describedby",
                dates_message.map(|_| "f-preferred_dates-error"),
            );
        }
        let cost = confirm.get().map(|(amount, billed)| match amount {
            Some(a) => {
                let what = format!("{} ({})", format::money(a, l), billed_name(l, billed));
                fill(td_string!(l, requests.form.accept_cost), &[("cost", &what)])
            }
            // No amount yet (a rate per hour or per participant): the rate shown above.
            None => fill(
                td_string!(l, requests.form.accept_rate),
                &[("billed", billed_name(l, billed))],
            ),
        });
        set_attr("accept", "hidden", cost.is_none().then_some(""));
        set_text("accept-label", cost.as_deref().unwrap_or(""));
        mark(
            "f-accept_cost",
            "f-accept_cost-error",
            None,
            errors.message(l, &["accept_cost"]),
        );
        let alert = match send.value().get() {
            Some(Err(ApiError::Server(409))) => Some(td_string!(l, requests.form.conflict)),
            Some(Err(ApiError::Validation(_))) => Some(td_string!(l, errors.validation)),
            Some(Err(e)) => Some(error_text(l, &e)),
            _ => None,
        }
        .map(|text| format!("{text} {}", td_string!(l, requests.form.kept)));
        set_text("f-alert", alert.as_deref().unwrap_or(""));
        set_attr("f-alert", "hidden", alert.is_none().then_some(""));
        let busy = pending.get();
        set_attr("f-send", "disabled", busy.then_some(""));
        set_attr("f-send", "aria-busy", busy.then_some("true"));
        set_text(
            "f-progress",
            if busy {
                td_string!(l, requests.form.sending)
            } else {
                ""
            },
        );
    };
    Effect::new(move |_| {
        shape_key.with(|_| ());
        let l = i18n.get_locale();
        let Some(host) = form_ref.get() else {
            return;
        };
        let focused = document().active_element().map(|e| e.id());
        let markup =
            untrack(|| shape.with_value(|s| form.with(|f| form_markup(l, s, f, accept.get()))));
        markup.replace_in(&host);
        untrack(sync);
        let next = focus_after
            .get_value()
            .or(focused)
            .filter(|id| !id.is_empty());
        focus_after.set_value(None);
        if let Some(id) = next {
            focus_id(&id);
        }
    });
    Effect::new(move |_| sync());

    // Typing, choosing and clicking, all bubbling to the form.
    let edit = move |ev: web_sys::Event, left: bool| {
        let Some(t) = target(&ev) else {
            return;
        };
        if t.id == "f-accept_cost" {
            accept.set(t.checked);
            errors.edited(&["accept_cost"]);
            return;
        }
        if let Some(i) =
            t.id.strip_prefix("f-date-")
                .and_then(|i| i.parse::<usize>().ok())
        {
            form.update(|f| {
                if let Some(day) = f.dates.get_mut(i) {
                    *day = t.value;
                }
            });
            errors.edited(&["preferred_dates"]);
            if left {
                errors.touch("preferred_dates");
            }
            return;
        }
        if let Some(x) = Text::ALL.into_iter().find(|x| x.fields()[0] == t.name) {
            if form.with_untracked(|f| *f.text(x) != t.value) {
                form.update(|f| *f.text_mut(x) = t.value);
            }
            errors.edited(x.fields());
            if left {
                errors.touch(x.fields()[0]);
            }
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(action) = target(&ev).and_then(|t| t.action) else {
            return;
        };
        if action == "add-date" {
            let next = form.with_untracked(|f| f.dates.len());
            focus_after.set_value(Some(format!("f-date-{next}")));
            form.update(|f| f.dates.push(String::new()));
        } else if let Some(i) = action
            .strip_prefix("remove-date-")
            .and_then(|i| i.parse::<usize>().ok())
        {
            focus_after.set_value(Some(format!("f-date-{}", i - 1)));
            form.update(|f| {
                if i < f.dates.len() {
                    f.dates.remove(i);
                }
            });
            errors.edited(&["preferred_dates"]);
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        errors.all.set(true);
        send.value().set(None);
        let refused = client_errors.get_untracked();
        if !refused.is_empty() {
            focus_first(&refused);
            return;
        }
        let request = checked.with_untracked(|(r, _)| r.clone());
        send.dispatch((request, key.get_value(), accept.get_untracked()));
    };

    // A stored draft is offered before the form shows.
    let offer_ref = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let l = i18n.get_locale();
        if let Some(host) = offer_ref.get() {
            let markup = offer.with(|o| o.as_ref().map(|d| offer_markup(l, d)));
            markup.unwrap_or_default().replace_in(&host);
        }
    });
    let on_offer =
        move |ev: leptos::ev::MouseEvent| match target(&ev).and_then(|t| t.action).as_deref() {
            Some("restore") => {
                if let Some(draft) = offer.get_untracked() {
                    key.set_value(draft.key);
                    form.set(draft.form);
                    // The stored values are in the state: build the form with them.
                    focus_after.set_value(Some("f-title".into()));
                    if let Some(host) = form_ref.get_untracked() {
                        let l = i18n.get_locale_untracked();
                        shape
                            .with_value(|s| form.with_untracked(|f| form_markup(l, s, f, false)))
                            .replace_in(&host);
                        sync();
                    }
                }
                offer.set(None);
                focus_id("f-title");
            }
            Some("discard") => {
                storage::remove(&storage_key.get_value());
                offer.set(None);
                focus_id("f-title");
            }
            _ => {}
        };

    let estimate_ref = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let l = i18n.get_locale();
        if let Some(host) = estimate_ref.get() {
            estimate.with(|e| estimate_markup(l, e)).replace_in(&host);
        }
    });

    let heading = move || {
        let l = i18n.get_locale();
        fill(
            td_string!(l, requests.form.heading),
            &[("type", type_name(l, kind))],
        )
    };
    view! {
        <h1>{heading}</h1>
        <div node_ref=offer_ref on:click=on_offer></div>
        <div class="request-layout" hidden=move || offer.with(Option::is_some)>
            <form
                class="form request-form"
                novalidate
                node_ref=form_ref
                on:input=move |ev| edit(ev, false)
                on:change=move |ev| edit(ev, true)
                on:click=on_click
                on:submit=on_submit
            ></form>
            <aside class="estimate card" aria-labelledby="estimate-heading">
                <h2 id="estimate-heading">{tr(|l| td_string!(l, requests.estimate.heading))}</h2>
                <div aria-live="polite" node_ref=estimate_ref></div>
            </aside>
        </div>
    }
}

/// Milliseconds since the epoch as an RFC 3339 instant, for `format::date_time`.
fn iso(ms: f64) -> String {
    js_sys::Date::new(&ms.into()).to_iso_string().into()
}
