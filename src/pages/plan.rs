use leptos::prelude::*;
use leptos_meta::Title;
use support_api::catalog::{BilledAs, Catalog, Course, LevelInfo, Service, TrainingLocation};
use support_api::plan::{Contacts, Level, Licence, Plan, SlaContract};

use crate::api::{self, client::use_client};
use crate::components::contact::{contact_links, hours_text, period_text};
use crate::components::part::part;
use crate::coverage::{
    Column, Sort, own_rate, price_unit, sort_licences, sorted_targets, tel_href,
};
use crate::format;
use crate::i18n::*;
use crate::labels::{
    billed_as_label, billing_label, level_code, level_name, licence_type_label, priced,
    priority_name, service_name, status_class, status_label,
};
use crate::markup::Markup;
use crate::pages::page_title;
use crate::plan::use_plan;
use crate::template::fill;

/// Plan and coverage: the licences and their maintenance, the SLA and the contacts
/// (from `GET /plan`), then how each service is had and priced, the four levels and
/// the training courses (from `GET /catalog`). Each of the two loads on its own.
#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let plan = use_plan();
    let catalog = LocalResource::new(move || api::plan::catalog(client));
    // Outside the parts, so the order survives a change of language.
    let sort = RwSignal::new(Sort::default());
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, plan.title))
    };
    view! {
        <Title text=title />
        <h1>{t!(i18n, plan.title)}</h1>
        <p class="lead">{t!(i18n, plan.intro)}</p>
        {part(plan, move |plan| plan_part(plan, sort, i18n.get_locale()))}
        {part(catalog, move |catalog| catalog_part(catalog, i18n.get_locale()))}
    }
}

fn plan_part(plan: &Plan, sort: RwSignal<Sort>, locale: Locale) -> AnyView {
    let licences = match &plan.alc {
        Some(alc) if !alc.installed_base.is_empty() => {
            Some(licence_table(alc.installed_base.clone(), sort, locale))
        }
        _ => None,
    };
    let mut note = Markup::new();
    match &plan.alc {
        None => note.el("p", &[("class", "note")], td_string!(locale, plan.no_alc)),
        Some(alc) if alc.installed_base.is_empty() => {
            note.el("p", &[], td_string!(locale, plan.no_licences))
        }
        Some(_) => &mut note,
    };
    let mut rest = Markup::new();
    if let Some(sla) = &plan.sla {
        sla_section(&mut rest, sla, locale);
    }
    contacts_section(&mut rest, &plan.contacts, locale);
    view! {
        <section aria-labelledby="licences-heading">
            <h2 id="licences-heading">{td_string!(locale, plan.licences_heading)}</h2>
            {note.into_view()}
            {licences}
        </section>
        {rest.into_view()}
    }
    .into_any()
}

fn column_label(locale: Locale, column: Column) -> &'static str {
    match column {
        Column::Product => td_string!(locale, plan.product),
        Column::LicenceType => td_string!(locale, plan.licence_type),
        Column::Quantity => td_string!(locale, plan.quantity),
        Column::Start => td_string!(locale, plan.start),
        Column::End => td_string!(locale, plan.end),
        Column::Status => td_string!(locale, plan.status),
    }
}

/// The installed base, sortable by any column. The header buttons stay put while only
/// the rows are replaced, so the keyboard focus stays on the button pressed.
fn licence_table(licences: Vec<Licence>, sort: RwSignal<Sort>, locale: Locale) -> impl IntoView {
    let headers = Column::ALL
        .into_iter()
        .map(|column| {
            let mark = move || match sort.get().aria_sort(column) {
                Some("ascending") => "▲",
                Some(_) => "▼",
                None => "↕",
            };
            view! {
                <th scope="col" aria-sort=move || sort.get().aria_sort(column)>
                    <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.pressed(column))>
                        {column_label(locale, column)}
                        <span class="sort-mark" aria-hidden="true">{mark}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    // The rows are rebuilt as DOM nodes whenever the sort changes; the header buttons
    // stay, so keyboard focus stays on the one pressed.
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move || {
        let mut list = licences.clone();
        sort_licences(&mut list, sort.get());
        if let Some(tbody) = body.get() {
            tbody.set_text_content(None);
            licence_rows(&list, locale).append_to(&tbody);
        }
    });
    view! {
        <div class="table-wrap">
            <table class="data stack sortable">
                <caption>
                    {td_string!(locale, plan.licences_caption)}
                    <span class="caption-hint">{td_string!(locale, plan.sort_hint)}</span>
                </caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody node_ref=body></tbody>
            </table>
        </div>
    }
}

/// The `<tr>`s of the installed base, each cell labelled for the stacked phone layout.
fn licence_rows(licences: &[Licence], locale: Locale) -> Markup {
    let mut m = Markup::new();
    let label = |column| [("data-label", column_label(locale, column))];
    for l in licences {
        m.open("tr", &[])
            .el(
                "th",
                &[
                    ("scope", "row"),
                    ("data-label", column_label(locale, Column::Product)),
                ],
                &l.product,
            )
            .el(
                "td",
                &label(Column::LicenceType),
                &licence_type_label(locale, &l.licence_type),
            )
            .el(
                "td",
                &[
                    ("data-label", column_label(locale, Column::Quantity)),
                    ("class", "num"),
                ],
                &format::number(f64::from(l.quantity), locale),
            )
            .el(
                "td",
                &label(Column::Start),
                &format::date(&l.maintenance_start, locale),
            )
            .el(
                "td",
                &label(Column::End),
                &format::date(&l.maintenance_end, locale),
            )
            .open("td", &label(Column::Status))
            .el(
                "span",
                &[("class", status_class(l.status))],
                status_label(locale, l.status),
            )
            .close("td")
            .close("tr");
    }
    m
}

fn sla_section(m: &mut Markup, sla: &SlaContract, locale: Locale) {
    let reference = &sla.reference;
    let period = period_text(Some(&sla.since), sla.until.as_deref(), locale);
    m.open("section", &[("aria-labelledby", "sla-heading")])
        .el(
            "h2",
            &[("id", "sla-heading")],
            td_string!(locale, sla.heading),
        )
        .el(
            "p",
            &[],
            &fill(
                td_string!(locale, sla.contract),
                &[("reference", reference), ("period", &period)],
            ),
        )
        .open("table", &[("class", "data data-narrow")])
        .el("caption", &[], td_string!(locale, sla.caption))
        .open("thead", &[])
        .open("tr", &[])
        .el("th", &[("scope", "col")], td_string!(locale, sla.priority))
        .el("th", &[("scope", "col")], td_string!(locale, sla.reaction))
        .close("tr")
        .close("thead")
        .open("tbody", &[]);
    for target in sorted_targets(&sla.reaction_targets) {
        m.open("tr", &[])
            .el(
                "th",
                &[("scope", "row")],
                priority_name(locale, target.priority),
            )
            .el("td", &[], &format::minutes(target.minutes, locale))
            .close("tr");
    }
    let hours = hours_text(&sla.business_hours, locale);
    m.close("tbody")
        .close("table")
        .el(
            "p",
            &[],
            &fill(td_string!(locale, sla.hours), &[("hours", &hours)]),
        )
        .close("section");
}

fn contacts_section(m: &mut Markup, contacts: &Contacts, locale: Locale) {
    let hotline = &contacts.hotline;
    let manager = &contacts.technical_manager;
    m.open("section", &[("aria-labelledby", "contacts-heading")])
        .el(
            "h2",
            &[("id", "contacts-heading")],
            td_string!(locale, contacts.heading),
        )
        .open("div", &[("class", "cards")])
        .open(
            "section",
            &[("class", "card"), ("aria-labelledby", "hotline-heading")],
        )
        .el(
            "h3",
            &[("id", "hotline-heading")],
            td_string!(locale, contacts.hotline),
        )
        .el("p", &[], td_string!(locale, contacts.hotline_text))
        .open("dl", &[("class", "facts")])
        .el("dt", &[], td_string!(locale, contacts.phone))
        .open("dd", &[])
        .el("a", &[("href", &tel_href(&hotline.phone))], &hotline.phone)
        .close("dd")
        .el("dt", &[], td_string!(locale, contacts.email))
        .open("dd", &[])
        .el(
            "a",
            &[("href", &format!("mailto:{}", hotline.email))],
            &hotline.email,
        )
        .close("dd")
        .el("dt", &[], td_string!(locale, contacts.hours))
        .el("dd", &[], &hours_text(&hotline.hours, locale))
        .close("dl")
        .close("section")
        .open(
            "section",
            &[("class", "card"), ("aria-labelledby", "manager-heading")],
        )
        .el(
            "h3",
            &[("id", "manager-heading")],
            td_string!(locale, contacts.manager),
        )
        .el("p", &[], td_string!(locale, contacts.manager_text))
        .el("p", &[("class", "contact-name")], &manager.name)
        .open("p", &[]);
    contact_links(m, &manager.phone, &manager.email);
    m.close("p").close("section").close("div").close("section");
}

fn catalog_part(catalog: &Catalog, locale: Locale) -> AnyView {
    let mut m = Markup::new();
    coverage_section(&mut m, &catalog.services, locale);
    levels_section(&mut m, &catalog.levels, locale);
    courses_section(&mut m, &catalog.courses, locale);
    m.into_view().into_any()
}

/// "Is it covered?": each service, how this customer gets it, and at what price.
fn coverage_section(m: &mut Markup, services: &[Service], locale: Locale) {
    let headers = [
        td_string!(locale, coverage.service),
        td_string!(locale, coverage.how),
        td_string!(locale, coverage.your_price),
        td_string!(locale, coverage.billing),
        td_string!(locale, coverage.pay_rate),
        td_string!(locale, coverage.sbp_rate),
    ];
    m.open("section", &[("aria-labelledby", "coverage-heading")])
        .el(
            "h2",
            &[("id", "coverage-heading")],
            td_string!(locale, coverage.heading),
        )
        .el("p", &[], td_string!(locale, coverage.intro))
        .open("div", &[("class", "table-wrap")])
        .open("table", &[("class", "data stack")])
        .el("caption", &[], td_string!(locale, coverage.caption))
        .open("thead", &[])
        .open("tr", &[]);
    for header in headers {
        m.el("th", &[("scope", "col")], header);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for service in services {
        let yours = match (service.billed_as, own_rate(service)) {
            (_, Some(rate)) => priced(locale, price_unit(service), &format::money(rate, locale)),
            (BilledAs::AlcIncluded, None) => td_string!(locale, coverage.included).to_owned(),
            (_, None) => td_string!(locale, coverage.per_contract).to_owned(),
        };
        m.open("tr", &[])
            .el(
                "th",
                &[("scope", "row"), ("data-label", headers[0])],
                service_name(locale, service.code),
            )
            .el(
                "td",
                &[("data-label", headers[1])],
                billed_as_label(locale, service.billed_as),
            )
            .open("td", &[("data-label", headers[2])])
            .el("strong", &[], &yours)
            .close("td")
            .el(
                "td",
                &[("data-label", headers[3])],
                billing_label(locale, service.billing),
            )
            .el(
                "td",
                &[("data-label", headers[4]), ("class", "num")],
                &format::money(service.pay_rate, locale),
            )
            .el(
                "td",
                &[("data-label", headers[5]), ("class", "num")],
                &format::money(service.sbp_rate, locale),
            )
            .close("tr");
    }
    m.close("tbody")
        .close("table")
        .close("div")
        .close("section");
}

fn level_texts(locale: Locale, level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Alc => (
            td_string!(locale, levels.alc_what),
            td_string!(locale, levels.alc_who),
        ),
        Level::Pay => (
            td_string!(locale, levels.pay_what),
            td_string!(locale, levels.pay_who),
        ),
        Level::Sbp => (
            td_string!(locale, levels.sbp_what),
            td_string!(locale, levels.sbp_who),
        ),
        Level::Sla => (
            td_string!(locale, levels.sla_what),
            td_string!(locale, levels.sla_who),
        ),
    }
}

/// The four levels side by side, the customer's own marked.
fn levels_section(m: &mut Markup, levels: &[LevelInfo], locale: Locale) {
    m.open("section", &[("aria-labelledby", "levels-heading")])
        .el(
            "h2",
            &[("id", "levels-heading")],
            td_string!(locale, levels.heading),
        )
        .el("p", &[], td_string!(locale, levels.intro))
        .open("ul", &[("class", "level-cards")]);
    for info in levels {
        let (what, who) = level_texts(locale, info.level);
        let (mark, class) = if info.held {
            (
                td_string!(locale, levels.yours),
                "level-mark level-mark-yours",
            )
        } else if info.available {
            (td_string!(locale, levels.open), "level-mark")
        } else {
            (
                td_string!(locale, levels.closed),
                "level-mark level-mark-closed",
            )
        };
        let card = if info.held {
            "level-card level-card-yours"
        } else {
            "level-card"
        };
        m.open("li", &[("class", card)])
            .open("h3", &[])
            .el("span", &[("class", "level-code")], level_code(info.level))
            .text(" ")
            .text(level_name(locale, info.level))
            .close("h3")
            .el("p", &[("class", class)], mark)
            .el("p", &[], what)
            .el("h4", &[], td_string!(locale, levels.who))
            .el("p", &[], who)
            .el("h4", &[], td_string!(locale, levels.includes))
            .open("ul", &[("class", "includes")]);
        for &code in &info.includes {
            m.el("li", &[], service_name(locale, code));
        }
        m.close("ul").close("li");
    }
    m.close("ul").close("section");
}

fn location_label(locale: Locale, location: TrainingLocation) -> &'static str {
    match location {
        TrainingLocation::TrainingRoom => td_string!(locale, courses.training_room),
        TrainingLocation::CustomerSite => td_string!(locale, courses.customer_site),
        TrainingLocation::Online => td_string!(locale, courses.online),
    }
}

fn courses_section(m: &mut Markup, courses: &[Course], locale: Locale) {
    m.open("section", &[("aria-labelledby", "courses-heading")])
        .el(
            "h2",
            &[("id", "courses-heading")],
            td_string!(locale, courses.heading),
        )
        .el("p", &[], td_string!(locale, courses.intro));
    if courses.is_empty() {
        m.el("p", &[], td_string!(locale, courses.none));
    } else {
        m.open("ul", &[("class", "courses")]);
    }
    for course in courses {
        let price = format::money(course.price_per_participant, locale);
        let facts = format!(
            "{} · {} · {}",
            course.product,
            format::unit(f64::from(course.days), "day", locale),
            fill(td_string!(locale, courses.price), &[("price", &price)])
        );
        m.open("li", &[("class", "card course")])
            .el("h3", &[], &course.title)
            .el("p", &[], &facts);
        if course.dates.is_empty() {
            m.el("p", &[], td_string!(locale, courses.no_dates));
        } else {
            m.open(
                "ul",
                &[
                    ("class", "course-dates"),
                    ("aria-label", td_string!(locale, courses.dates)),
                ],
            );
        }
        for date in &course.dates {
            let count = date.seats_left;
            let seats = if count == 0 {
                td_string!(locale, courses.full).to_owned()
            } else {
                fill(
                    td_string!(locale, courses.seats_left),
                    &[("count", &count.to_string())],
                )
            };
            let when = format::date_range(&date.starts_on, &date.ends_on, locale);
            m.open("li", &[])
                .text(&when)
                .text(" · ")
                .text(location_label(locale, date.location))
                .text(" · ")
                .el(
                    "span",
                    &[("class", if count == 0 { "muted" } else { "seats" })],
                    &seats,
                )
                .close("li");
        }
        if !course.dates.is_empty() {
            m.close("ul");
        }
        m.close("li");
    }
    if !courses.is_empty() {
        m.close("ul");
    }
    m.close("section");
}
