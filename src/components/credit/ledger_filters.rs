//! Period, service and kind of the ledger. Applying writes them to the page's query
//! (`?from=…`), so a reload, the back button or a shared link shows the same entries;
//! the ledger follows the query.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;

use super::{localized, text};
use crate::calendar::parse_day;
use crate::credit::filter::LedgerFilter;
use crate::i18n::*;
use crate::labels::{kind_name, service_name};

/// `/credit` with the filter in its query.
pub fn url(filter: &LedgerFilter) -> String {
    let query = filter.to_query();
    if query.is_empty() {
        "/credit".to_owned()
    } else {
        format!("/credit?{query}")
    }
}

/// The form's fields as typed (a date that is not valid counts as unset).
#[derive(Clone, Copy)]
struct Fields {
    from: RwSignal<String>,
    to: RwSignal<String>,
    service: RwSignal<String>,
    kind: RwSignal<String>,
}

impl Fields {
    fn show(&self, filter: &LedgerFilter) {
        self.from.set(filter.from.clone().unwrap_or_default());
        self.to.set(filter.to.clone().unwrap_or_default());
        self.service.set(
            filter
                .service
                .map(ServiceCode::as_str)
                .unwrap_or_default()
                .to_owned(),
        );
        self.kind.set(
            filter
                .kind
                .map(LedgerKind::as_str)
                .unwrap_or_default()
                .to_owned(),
        );
    }

    fn filter(&self) -> LedgerFilter {
        let day = |field: RwSignal<String>| {
            Some(field.get_untracked()).filter(|d| parse_day(d).is_some())
        };
        LedgerFilter {
            from: day(self.from),
            to: day(self.to),
            service: self.service.with_untracked(|s| ServiceCode::parse(s)),
            kind: self.kind.with_untracked(|k| LedgerKind::parse(k)),
        }
    }
}

/// One option of a select: it says whether it is the field's value (a select's value
/// is set before its options exist on the first render).
fn choice(
    value: &'static str,
    name: impl Fn() -> String + Send + Sync + 'static,
    field: RwSignal<String>,
) -> impl IntoView {
    let selected = move || field.with(|v| v == value);
    view! { <option value=value selected=selected>{name}</option> }
}

#[component]
pub fn LedgerFilters(
    /// The filter of the page's query.
    #[prop(into)]
    filter: Signal<LedgerFilter>,
) -> impl IntoView {
    let fields = Fields {
        from: RwSignal::new(String::new()),
        to: RwSignal::new(String::new()),
        service: RwSignal::new(String::new()),
        kind: RwSignal::new(String::new()),
    };
    let reversed = RwSignal::new(false);
    // The fields show the query's filter, also after the back button.
    Effect::new(move |_| {
        filter.with(|f| fields.show(f));
        reversed.set(false);
    });
    fields.show(&filter.get_untracked());
    let navigate = use_navigate();
    let go = move |to: &LedgerFilter| {
        let options = NavigateOptions {
            scroll: false,
            ..Default::default()
        };
        navigate(&url(to), options);
    };
    let apply = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let next = fields.filter();
            reversed.set(next.is_reversed());
            if !next.is_reversed() {
                go(&next);
            }
        }
    };
    let clear = move |_| go(&LedgerFilter::default());

    let all = text(|l| td_string!(l, credit.filter_all));
    let services = ServiceCode::ALL
        .into_iter()
        .map(|s| {
            choice(
                s.as_str(),
                localized(move |l| service_name(l, s).to_owned()),
                fields.service,
            )
        })
        .collect_view();
    let kinds = LedgerKind::ALL
        .into_iter()
        .map(|k| {
            choice(
                k.as_str(),
                localized(move |l| kind_name(l, k).to_owned()),
                fields.kind,
            )
        })
        .collect_view();
    // `prop:value` keeps a select in step with its field once its options exist.
    let bind =
        |field: RwSignal<String>| move |ev: leptos::ev::Event| field.set(event_target_value(&ev));

    view! {
        <form class="ledger-filters" novalidate on:submit=apply>
            <div class="field">
                <label for="ledger-from">{text(|l| td_string!(l, credit.filter_from))}</label>
                <input
                    id="ledger-from"
                    type="date"
                    prop:value=move || fields.from.get()
                    on:input=bind(fields.from)
                    aria-invalid=move || reversed.get().then_some("true")
                    aria-describedby=move || reversed.get().then_some("ledger-filter-error")
                />
            </div>
            <div class="field">
                <label for="ledger-to">{text(|l| td_string!(l, credit.filter_to))}</label>
                <input id="ledger-to" type="date" prop:value=move || fields.to.get() on:input=bind(fields.to) />
            </div>
            <div class="field">
                <label for="ledger-service">{text(|l| td_string!(l, credit.filter_service))}</label>
                <select id="ledger-service" prop:value=move || fields.service.get() on:change=bind(fields.service)>
                    <option value="">{all}</option>
                    {services}
                </select>
            </div>
            <div class="field">
                <label for="ledger-kind">{text(|l| td_string!(l, credit.filter_kind))}</label>
                <select id="ledger-kind" prop:value=move || fields.kind.get() on:change=bind(fields.kind)>
                    <option value="">{all}</option>
                    {kinds}
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="button">
                    {text(|l| td_string!(l, credit.filter_apply))}
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    hidden=move || filter.with(LedgerFilter::is_empty)
                    on:click=clear
                >
                    {text(|l| td_string!(l, credit.filter_clear))}
                </button>
            </div>
            <p id="ledger-filter-error" class="field-error" role="alert" hidden=move || !reversed.get()>
                {text(|l| td_string!(l, credit.filter_reversed))}
            </p>
        </form>
    }
}
