//! The outbox on an in-memory database with a small world of its own: one company, an
//! admin who reads English, a member who reads the company's Polish, one request.

use rusqlite::Connection;

use super::*;

const ADMIN: i64 = 1;
const MEMBER: i64 = 2;
const REQUEST: i64 = 42;

fn world() -> Connection {
    let mut conn = Connection::open_in_memory().expect("memory db");
    crate::db::migrations::migrations()
        .to_latest(&mut conn)
        .expect("migrations");
    conn.execute_batch(
        "INSERT INTO customers (id, name, country, currency, language)
           VALUES (1, 'Kowalski Aero', 'PL', 'PLN', 'pl'), (2, 'Other', 'CZ', 'CZK', 'cs');
         INSERT INTO users (id, customer_id, email, name, role, password_hash, language) VALUES
           (1, 1, 'admin@k.demo', 'Anna <Admin>', 'admin', 'x', 'en'),
           (2, 1, 'member@k.demo', 'Marek', 'member', 'x', NULL),
           (3, 2, 'admin@o.demo', 'Olga', 'admin', 'x', NULL);
         INSERT INTO requests (id, customer_id, requested_by, type, title, description,
             priority, details, status, billed_as, billing, created_at)
           VALUES (42, 1, 2, 'hotline', 'CATIA <crashes> & \"burns\"', 'd', 'normal',
             '{\"type\":\"hotline\"}', 'submitted', 'alc_included', 'hourly', 0);",
    )
    .expect("world");
    conn
}

fn letter(kind: MailKind, to_user: i64) -> Letter {
    Letter {
        kind,
        to_user,
        request_id: Some(REQUEST),
        link: format!("/requests/{REQUEST}"),
        vars: vec![("date", "2026-12-03".into())],
    }
}

struct Row {
    to_address: String,
    language: String,
    subject: String,
    text: String,
    html: String,
    message_id: String,
}

fn outbox(conn: &Connection) -> Vec<Row> {
    let mut statement = conn
        .prepare(
            "SELECT to_address, language, subject, body_text, body_html, message_id
             FROM outbox ORDER BY id",
        )
        .expect("prepare");
    statement
        .query_map([], |row| {
            Ok(Row {
                to_address: row.get(0)?,
                language: row.get(1)?,
                subject: row.get(2)?,
                text: row.get(3)?,
                html: row.get(4)?,
                message_id: row.get(5)?,
            })
        })
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

#[test]
fn enqueue_renders_one_mail_in_the_recipients_language() {
    let conn = world();
    enqueue(&conn, &letter(MailKind::Scheduled, MEMBER), 100).expect("enqueue");
    let rows = outbox(&conn);
    assert_eq!(rows.len(), 1);
    let mail = &rows[0];
    assert_eq!(mail.to_address, "member@k.demo");
    assert_eq!(mail.language, "pl");
    assert_eq!(
        mail.subject,
        "[#42] Termin ustalony: CATIA <crashes> & \"burns\""
    );
    let text = with_origin(&mail.text, "https://portal.example/", false);
    assert!(text.starts_with("Dzień dobry, Marek!\n\n"), "{text}");
    assert!(text.contains("ma termin: 2026-12-03"), "{text}");
    assert!(text.contains("Otwórz zgłoszenie: https://portal.example/requests/42\n"));
    assert!(text.contains("Ustawienia powiadomień: https://portal.example/notifications\n"));

    let html = with_origin(&mail.html, "https://portal.example", true);
    assert!(html.contains("<html lang=\"pl\">"), "{html}");
    assert!(html.contains("CATIA &lt;crashes&gt; &amp; &quot;burns&quot;"));
    assert!(!html.contains("<crashes>"));
    assert!(html.contains("<a href=\"https://portal.example/requests/42\""));
    assert!(html.contains("<a href=\"https://portal.example/notifications\""));
    // Nothing is fetched from elsewhere: no images, no remote styles or scripts.
    for forbidden in ["<img", "<script", "<link", "url(", "src="] {
        assert!(!html.contains(forbidden), "{forbidden} in {html}");
    }
    assert!(mail.message_id.starts_with('<') && mail.message_id.ends_with("@support-portal>"));
}

#[test]
fn the_users_own_language_wins_over_the_companys_and_values_are_escaped() {
    let conn = world();
    enqueue(&conn, &letter(MailKind::Resolved, ADMIN), 100).expect("enqueue");
    let mail = &outbox(&conn)[0];
    assert_eq!(mail.language, "en");
    assert!(mail.subject.starts_with("[#42] Resolved: "));
    assert!(mail.text.starts_with("Hello Anna <Admin>,"));
    assert!(mail.html.contains("Hello Anna &lt;Admin&gt;,"));
    assert!(mail.html.contains("<html lang=\"en\">"));
}

#[test]
fn control_characters_cannot_forge_the_origin_or_a_second_subject_line() {
    let conn = world();
    let mut forged = letter(MailKind::SupportComment, MEMBER);
    forged.vars = vec![
        ("comment", format!("see {ORIGIN}/evil\nsecond line")),
        ("author", "Eve\r\nBcc: x@y".into()),
    ];
    enqueue(&conn, &forged, 100).expect("enqueue");
    let mail = &outbox(&conn)[0];
    let text = with_origin(&mail.text, "https://portal.example", false);
    assert!(!text.contains("https://portal.example/evil"));
    assert!(text.contains("see origin/evil\nsecond line"));
    assert!(!mail.subject.contains('\n'));
    assert!(mail.html.contains("second line") && mail.html.contains("<br>"));
}

#[test]
fn preferences_and_mutes_skip_switchable_mails() {
    let conn = world();
    conn.execute(
        "INSERT INTO notification_preferences (user_id, kind, enabled) VALUES (?1, 'resolved', 0)",
        [MEMBER],
    )
    .expect("switch off");
    enqueue(&conn, &letter(MailKind::Resolved, MEMBER), 100).expect("enqueue");
    assert!(outbox(&conn).is_empty());

    conn.execute(
        "INSERT INTO request_mutes (user_id, request_id) VALUES (?1, ?2)",
        [MEMBER, REQUEST],
    )
    .expect("mute");
    enqueue(&conn, &letter(MailKind::Scheduled, MEMBER), 100).expect("enqueue");
    assert!(outbox(&conn).is_empty());

    // Another request of the same user is not muted.
    let mut other = letter(MailKind::Scheduled, MEMBER);
    other.request_id = None;
    enqueue(&conn, &other, 100).expect("enqueue");
    assert_eq!(outbox(&conn).len(), 1);
}

#[test]
fn company_wide_mails_go_to_the_customers_admins_only() {
    let conn = world();
    let low = Letter {
        kind: MailKind::LowCredit,
        to_user: 0,
        request_id: None,
        link: "/credit".into(),
        vars: vec![
            ("balance", "10 PLN".into()),
            ("threshold", "100 PLN".into()),
        ],
    };
    enqueue_to_admins(&conn, 1, &low, 100).expect("enqueue");
    let rows = outbox(&conn);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].to_address, "admin@k.demo");
    assert!(!rows[0].subject.contains('#'));

    // A member has company-wide mails off by default, and may switch them on.
    assert!(!enabled_by_default(
        MailKind::LowCredit,
        support_api::session::Role::Member
    ));
    enqueue(
        &conn,
        &Letter {
            to_user: MEMBER,
            ..low.clone()
        },
        100,
    )
    .expect("enqueue");
    assert_eq!(outbox(&conn).len(), 1);
}

#[test]
fn every_kind_renders_in_every_language_without_a_gap() {
    let conn = world();
    let vars: Vec<(&'static str, String)> = [
        "date",
        "comment",
        "author",
        "by",
        "reason",
        "member",
        "cost",
        "balance",
        "threshold",
        "remaining",
        "expires",
        "due",
        // Closing the loop: quotes, and the days before a resolution closes itself.
        "amount",
        "covers",
        "valid_until",
        "days",
        // A blocked file's name.
        "file",
    ]
    .into_iter()
    .map(|name| (name, format!("<{name}>")))
    .collect();
    for language in ["pl", "cs", "sk", "en"] {
        conn.execute(
            "UPDATE users SET language = ?1 WHERE id = ?2",
            rusqlite::params![language, ADMIN],
        )
        .expect("language");
        for kind in MailKind::ALL {
            let mail = Letter {
                kind: *kind,
                to_user: ADMIN,
                request_id: Some(REQUEST),
                link: "/x".into(),
                vars: vars.clone(),
            };
            let recipient = store::recipient(&conn, ADMIN).expect("read").expect("user");
            let rendered = render::render(&mail, &recipient, Some("T")).expect("render");
            for part in [&rendered.subject, &rendered.text, &rendered.html] {
                assert!(
                    texts::placeholders(part).is_empty(),
                    "{language} {kind:?} leaves a placeholder: {part}"
                );
            }
        }
    }
}
