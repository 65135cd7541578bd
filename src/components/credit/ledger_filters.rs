use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;

use super::{kind_name, service_name};
use crate::credit::filter::LedgerFilter;
use crate::format::parse_day;
use crate::i18n::*;

/// Period, service and kind. Applying writes them to the page's query (`?from=…`), so
/// a reload, the back button or a shared link shows the same entries.
#[component]
pub fn LedgerFilters(filter: Memo<LedgerFilter>, locale: Locale) -> impl IntoView {
    let navigate = use_navigate();
    let from = NodeRef::<html::Input>::new();
    let to = NodeRef::<html::Input>::new();
    let service = NodeRef::<html::Select>::new();
    let kind = NodeRef::<html::Select>::new();
    let reversed = RwSignal::new(false);

    let go = move |next: LedgerFilter| {
        let query = next.to_query();
        let url = if query.is_empty() {
            "/credit".to_owned()
        } else {
            format!("/credit?{query}")
        };
        let options = NavigateOptions {
            scroll: false,
            ..Default::default()
        };
        navigate(&url, options);
    };
    let go_clear = go.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = |node: NodeRef<html::Input>| {
            node.get_untracked()
                .map(|input| input.value())
                .filter(|d| parse_day(d).is_some())
        };
        let select = |node: NodeRef<html::Select>| {
            node.get_untracked().map(|s| s.value()).unwrap_or_default()
        };
        let next = LedgerFilter {
            from: day(from),
            to: day(to),
            service: ServiceCode::parse(&select(service)),
            kind: LedgerKind::parse(&select(kind)),
        };
        reversed.set(next.is_reversed());
        if !next.is_reversed() {
            go(next);
        }
    };

    let shown = filter.get_untracked();
    let option = |value: &'static str, label: &'static str, selected: bool| {
        view! { <option value=value selected=selected>{label}</option> }
    };
    let all = td_string!(locale, credit.filter_all);
    let services = std::iter::once(option("", all, shown.service.is_none()))
        .chain(ServiceCode::ALL.into_iter().map(|c| {
            option(
                c.as_str(),
                service_name(locale, c),
                shown.service == Some(c),
            )
        }))
        .collect_view();
    let kinds = std::iter::once(option("", all, shown.kind.is_none()))
        .chain(
            LedgerKind::ALL
                .into_iter()
                .map(|k| option(k.as_str(), kind_name(locale, k), shown.kind == Some(k))),
        )
        .collect_view();

    view! {
        <form class="ledger-filters" on:submit=on_submit>
            <div class="field">
                <label for="ledger-from">{td_string!(locale, credit.filter_from)}</label>
                <input
                    id="ledger-from"
                    type="date"
                    node_ref=from
                    prop:value=move || filter.read().from.clone().unwrap_or_default()
                    aria-invalid=move || reversed.get().then_some("true")
                    aria-describedby=move || reversed.get().then_some("ledger-filter-error")
                />
            </div>
            <div class="field">
                <label for="ledger-to">{td_string!(locale, credit.filter_to)}</label>
                <input
                    id="ledger-to"
                    type="date"
                    node_ref=to
                    prop:value=move || filter.read().to.clone().unwrap_or_default()
                />
            </div>
            <div class="field">
                <label for="ledger-service">{td_string!(locale, credit.filter_service)}</label>
                <select
                    id="ledger-service"
                    node_ref=service
                    prop:value=move || filter.read().service.map(|s| s.as_str()).unwrap_or_default()
                >
                    {services}
                </select>
            </div>
            <div class="field">
                <label for="ledger-kind">{td_string!(locale, credit.filter_kind)}</label>
                <select
                    id="ledger-kind"
                    node_ref=kind
                    prop:value=move || filter.read().kind.map(|k| k.as_str()).unwrap_or_default()
                >
                    {kinds}
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{td_string!(locale, credit.filter_apply)}</button>
                <button
                    type="button"
                    class="button button-secondary"
                    hidden=move || filter.read().is_empty()
                    on:click=move |_| {
                        reversed.set(false);
                        go_clear(LedgerFilter::default());
                    }
                >
                    {td_string!(locale, credit.filter_clear)}
                </button>
            </div>
            <p id="ledger-filter-error" class="field-error" role="alert" hidden=move || !reversed.get()>
                {td_string!(locale, credit.filter_reversed)}
            </p>
        </form>
    }
}
