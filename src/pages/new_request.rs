//! `/requests/new`: choose what you need, then the form for it (`?type=` preselects,
//! `&amount=` pre-fills a top-up). The estimate follows the form; the draft is kept in
//! the browser, with its idempotency key, until the server has confirmed the request.

use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use support_api::catalog::{BilledAs, Catalog};
use support_api::plan::{CoverageStatus, Plan, Priority};
use support_api::requests::{NewRequest, RequestType};
use support_api::validation::{FieldErrors, codes};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::requests::estimate_panel::{EstimatePanel, EstimateState};
use crate::components::requests::fields::{
    Errors, FormCtx, Kind, Label, Options, error_view, normalize, text_field,
};
use crate::components::requests::loaded;
use crate::components::requests::onsite_fields::OnsiteFields;
use crate::components::requests::remote_fields::RemoteFields;
use crate::components::requests::service_fields::ServiceFields;
use crate::components::requests::top_up_fields::TopUpFields;
use crate::components::requests::tr;
use crate::components::requests::training_fields::TrainingFields;
use crate::components::requests::{
    billed_name, focus_id, new_key, priority_name, store, stored, today, type_hint, type_name,
    unstore, zone_offset,
};
use crate::format;
use crate::i18n::*;
use crate::pages::page_title;
use crate::requests::form::{Draft, FIELD_ORDER, FormState, Text, draft_storage_key};
use crate::requests::html::el;
use crate::requests::query::priority_str;
use crate::session::use_session;

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
    let both = LocalResource::new(move || async move {
        let plan = api::requests::plan(client).await?;
        let catalog = api::requests::catalog(client).await?;
        Ok::<_, ApiError>((Arc::new(plan), Arc::new(catalog)))
    });
    let content = move |(plan, catalog): (Arc<Plan>, Arc<Catalog>)| {
        let amount = params.with_untracked(|p| p.get("amount"));
        let types = offered(&plan, &catalog);
        match kind.get().filter(|k| types.iter().any(|(t, _)| t == k)) {
            Some(kind) => view! { <RequestForm kind plan catalog amount /> }.into_any(),
            None => chooser(types),
        }
    };
    view! {
        <Title text=title />
        <p class="back"><a href="/requests">{tr(|l| td_string!(l, requests.detail.back))}</a></p>
        {loaded(both, content)}
    }
}

/// "What do you need?": each type in a customer's words, with how it is billed.
fn chooser(types: Vec<(RequestType, Option<BilledAs>)>) -> AnyView {
    let i18n = use_i18n();
    let html = move || {
        let l = i18n.get_locale();
        let mut out = format!(
            "<h1>{}</h1><p class=\"lead\">{}</p><ul class=\"choices\">",
            td_string!(l, requests.form.choose_heading),
            td_string!(l, requests.form.choose_intro)
        );
        for (t, billed) in &types {
            out.push_str(&format!(
                "<li><a class=\"choice-card\" href=\"/requests/new?type={}\"><strong>{}</strong><span>{}</span>{}</a></li>",
                t.as_str(),
                type_name(l, *t),
                type_hint(l, *t),
                billed.map_or(String::new(), |b| el("span", "billing", billed_name(l, b)))
            ));
        }
        out.push_str("</ul>");
        out
    };
    view! { <div inner_html=html></div> }.into_any()
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

/// Focuses the first refused field, in the form's order.
fn focus_first(errors: &FieldErrors) {
    for field in FIELD_ORDER {
        if errors.code_for(field).is_none() {
            continue;
        }
        // The course error shows at the topic while a custom topic is chosen.
        let custom_topic = document().get_element_by_id("f-custom_topic").is_some();
        let id = match field {
            "course" | "course_date_id" if custom_topic => "f-custom_topic".to_owned(),
            "course_date_id" => "f-course".to_owned(),
            _ => format!("f-{field}"),
        };
        focus_id(&id);
        return;
    }
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
    let storage_key = draft_storage_key(user_id, kind);

    let initial = FormState {
        amount: amount
            .filter(|a| kind == RequestType::CreditTopUp && a.len() < 20)
            .unwrap_or_default(),
        ..FormState::default()
    };
    let offer =
        RwSignal::new(Draft::decode(stored(&storage_key).as_deref()).filter(|d| d.form != initial));
    let key = RwSignal::new(new_key());
    let form = RwSignal::new(initial.clone());
    let accept = RwSignal::new(false);
    let today = today();

    let checked = {
        let today = today.clone();
        Memo::new(move |_| form.with(|f| f.check(kind, currency, &today, &zone_offset)))
    };

    // The estimate: asked for when the form rests, the latest answer wins.
    let estimate = RwSignal::new(EstimateState::Loading);
    let estimated_for = StoredValue::new(None::<NewRequest>);
    // The server prices a draft by what pricing needs; the rest is checked when sent.
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
        confirm.track();
        accept.set(false);
    });
    let confirm_text = move || {
        confirm.get().map(|(amount, billed)| {
            let l = i18n.get_locale();
            let what = match amount {
                Some(a) => format!("{} ({})", format::money(a, l), billed_name(l, billed)),
                None => billed_name(l, billed).to_owned(),
            };
            crate::components::requests::fill(td_string!(l, requests.form.accept_cost), &what)
        })
    };

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
    let ctx = FormCtx { form, errors };

    // Kept in the browser on every change (not while a stored draft is being offered).
    {
        let storage_key = storage_key.clone();
        Effect::new(move |previous: Option<()>| {
            let state = form.get();
            if previous.is_none() || offer.with_untracked(Option::is_some) {
                return;
            }
            if state == initial {
                unstore(&storage_key);
            } else {
                let draft = Draft {
                    key: key.get_untracked(),
                    saved_at: js_sys::Date::now() as i64,
                    form: state,
                };
                store(&storage_key, &draft.encode());
            }
        });
    }

    let send = {
        let storage_key = storage_key.clone();
        Action::new_local(
            move |(request, key, accepted): &(NewRequest, String, bool)| {
                let (request, key, accepted) = (request.clone(), key.clone(), *accepted);
                let (storage_key, navigate) = (storage_key.clone(), navigate.clone());
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
                    unstore(&storage_key);
                    navigate(&format!("/requests/{id}"), Default::default());
                    Ok(())
                }
            },
        )
    };
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Err(ApiError::Validation(fields))) = send.value().get() {
            let fields = normalize(fields);
            errors.set_server(fields.clone());
            errors.all.set(true);
            request_animation_frame(move || focus_first(&fields));
        }
    });
    let alert = move || {
        let l = i18n.get_locale();
        match send.value().get() {
            Some(Err(ApiError::Server(409))) => Some(td_string!(l, requests.form.conflict)),
            Some(Err(ApiError::Validation(_))) => Some(td_string!(l, errors.validation)),
            Some(Err(e)) => Some(error_text(l, &e)),
            _ => None,
        }
        .map(|text| {
            let kept = td_string!(l, requests.form.kept);
            view! { <p class="form-alert" role="alert">{text}" "{kept}</p> }
        })
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        errors.all.set(true);
        let refused = client_errors.get_untracked();
        if !refused.is_empty() {
            send.value().set(None);
            focus_first(&refused);
            return;
        }
        send.value().set(None);
        let request = checked.with_untracked(|(r, _)| r.clone());
        send.dispatch((request, key.get_untracked(), accept.get_untracked()));
    };

    let restore = move |_| {
        if let Some(draft) = offer.get_untracked() {
            key.set(draft.key);
            form.set(draft.form);
        }
        offer.set(None);
    };
    let discard = {
        let storage_key = storage_key.clone();
        move |_| {
            unstore(&storage_key);
            offer.set(None);
        }
    };

    // The parts every type shares, and the one of this type.
    let with_product = matches!(
        kind,
        RequestType::Hotline | RequestType::OnsiteService | RequestType::RemoteService
    );
    let products: Option<Options> = plan.alc.as_ref().filter(|_| with_product).map(|alc| {
        let base = alc.installed_base.clone();
        Arc::new(move |l: Locale| {
            let mut options = vec![(
                String::new(),
                td_string!(l, requests.form.no_product).to_owned(),
            )];
            options.extend(base.iter().map(|lic| {
                let mut text = lic.product.clone();
                if lic.status == CoverageStatus::Lapsed {
                    text = format!("{text} ({})", td_string!(l, requests.form.lapsed));
                }
                (lic.id.to_string(), text)
            }));
            options
        }) as Options
    });
    let priorities: Options = Arc::new(|l| {
        Priority::ALL
            .into_iter()
            .map(|p| (priority_str(p).to_owned(), priority_name(l, p).to_owned()))
            .collect()
    });
    let description_label: Label = match kind {
        RequestType::Hotline | RequestType::OnsiteService | RequestType::RemoteService => {
            |l| td_string!(l, requests.form.problem)
        }
        RequestType::CreditTopUp => |l| td_string!(l, requests.form.note),
        _ => |l| td_string!(l, requests.form.need),
    };
    let specific = match kind {
        RequestType::Training => {
            view! { <TrainingFields ctx catalog=catalog.clone() today=today.clone() /> }.into_any()
        }
        RequestType::OnsiteService => view! { <OnsiteFields ctx today=today.clone() /> }.into_any(),
        RequestType::RemoteService => view! { <RemoteFields ctx /> }.into_any(),
        RequestType::CreditTopUp => view! { <TopUpFields ctx currency /> }.into_any(),
        RequestType::Hotline => ().into_any(),
        _ => view! { <ServiceFields ctx /> }.into_any(),
    };
    let accept_fields: &'static [&'static str] = &["accept_cost"];
    let accept_message = errors.message(accept_fields);
    let heading = move || {
        let l = i18n.get_locale();
        crate::components::requests::fill(td_string!(l, requests.form.heading), type_name(l, kind))
    };
    let offer_view = move || {
        offer.get().map(|draft| {
            let text = move || {
                let l = i18n.get_locale();
                let when = format::date_time(&iso(draft.saved_at as f64), l);
                crate::components::requests::fill(td_string!(l, requests.form.draft_text), &when)
            };
            view! {
                <section class="card draft-offer" aria-labelledby="draft-heading">
                    <h2 id="draft-heading">{tr(|l| td_string!(l, requests.form.draft_heading))}</h2>
                    <p>{text}</p>
                    <div class="form-actions">
                        <button type="button" class="button" on:click=restore>
                            {tr(|l| td_string!(l, requests.form.draft_restore))}
                        </button>
                        <button type="button" class="button button-secondary" on:click=discard.clone()>
                            {tr(|l| td_string!(l, requests.form.draft_discard))}
                        </button>
                    </div>
                </section>
            }
        })
    };
    view! {
        <h1>{heading}</h1>
        {offer_view}
        <div class="request-layout" hidden=move || offer.with(Option::is_some)>
            <form class="form request-form" novalidate on:submit=on_submit>
                <p class="hint">{tr(|l| td_string!(l, requests.form.draft_kept))}</p>
                {text_field(ctx, Text::Title, |l| td_string!(l, requests.form.subject), Kind::Input("text"), None)}
                {products.map(|options| text_field(ctx, Text::Licence, |l| td_string!(l, requests.form.product), Kind::Select(options), None))}
                {with_product.then(|| text_field(ctx, Text::Priority, |l| td_string!(l, requests.list.priority), Kind::Select(priorities), None))}
                {specific}
                {text_field(ctx, Text::Description, description_label, Kind::TextArea, None)}
                {(kind != RequestType::CreditTopUp).then(|| text_field(ctx, Text::Phone, |l| td_string!(l, requests.form.phone), Kind::Input("tel"), None))}
                {move || confirm_text().map(|text| view! {
                    <div class="field choice">
                        <input
                            type="checkbox"
                            id="f-accept_cost"
                            prop:checked=move || accept.get()
                            on:change=move |ev| {
                                accept.set(event_target_checked(&ev));
                                errors.edited(accept_fields);
                            }
                            aria-invalid=move || accept_message().is_some().then_some("true")
                            aria-describedby=move || accept_message().is_some().then_some("f-accept_cost-error")
                        />
                        <label for="f-accept_cost">{text}</label>
                        {error_view(errors, accept_fields)}
                    </div>
                })}
                {alert}
                <div class="form-actions">
                    <button
                        type="submit"
                        class="button"
                        disabled=move || pending.get()
                        aria-busy=move || pending.get().then_some("true")
                    >
                        {tr(|l| td_string!(l, requests.form.send))}
                    </button>
                    <span class="progress" role="status">
                        {move || pending.get().then(|| td_string!(i18n.get_locale(), requests.form.sending))}
                    </span>
                </div>
            </form>
            <EstimatePanel state=estimate.into() />
        </div>
    }
}

/// Milliseconds since the epoch as an RFC 3339 instant, for `format::date_time`.
fn iso(ms: f64) -> String {
    js_sys::Date::new(&ms.into()).to_iso_string().into()
}
