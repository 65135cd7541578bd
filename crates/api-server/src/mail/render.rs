//! A letter in words: the subject, the plain text and the HTML, in the recipient's
//! language. The HTML is for people with screen readers and small screens as much as for
//! anyone: a `lang` attribute, a title, paragraphs and real links, inline styles only, no
//! images or anything else fetched from elsewhere, nothing that tracks opening. Every
//! value is escaped.

use support_api::session::Language;

use super::format;
use super::letter::Letter;
use super::letter::Recipient;
use super::texts::text;
use crate::error::ApiError;
use support_api::template::fill;

/// Stands for the portal's public address (`--public-url`) in stored mails; the worker
/// puts the address in when it sends ([`with_origin`]). Values never contain it: control
/// characters are taken out of them.
pub const ORIGIN: &str = "\u{1}origin\u{1}";

/// The portal page where each user chooses their mails.
pub const SETTINGS_PATH: &str = "/notifications";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A stored text or HTML body with the portal's address in place of [`ORIGIN`].
pub fn with_origin(stored: &str, public_url: &str, html: bool) -> String {
    let origin = public_url.trim_end_matches('/');
    if html {
        stored.replace(ORIGIN, &escape(origin))
    } else {
        stored.replace(ORIGIN, origin)
    }
}

pub fn render(
    letter: &Letter,
    recipient: &Recipient,
    title: Option<&str>,
) -> Result<Rendered, ApiError> {
    let language = recipient.language;
    let number = letter.request_id.map(|id| id.to_string());
    let mut values: Vec<(&str, String)> = letter
        .vars
        .iter()
        .map(|(name, value)| {
            let value = format::localise(value, language).unwrap_or_else(|| clean(value));
            (*name, value)
        })
        .collect();
    values.push(("name", clean(&recipient.name)));
    values.push(("company", clean(&recipient.company)));
    if let Some(number) = &number {
        values.push(("number", number.clone()));
    }
    if let Some(title) = title {
        values.push(("title", clean(title)));
    }
    let vars: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let words = |part: &str| -> Result<String, ApiError> {
        Ok(fill(
            text(language, &format!("{}.{part}", letter.kind.key()))?,
            &vars,
        ))
    };
    let common = |part: &str| -> Result<String, ApiError> {
        Ok(fill(text(language, &format!("common.{part}"))?, &vars))
    };

    let mut subject = one_line(&words("subject")?);
    if let Some(number) = &number {
        subject = format!("[#{number}] {subject}");
    }
    let greeting = common("greeting")?;
    let body = words("body")?;
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let action = words("action")?;
    let footer = common("footer")?;
    let link = format!("{ORIGIN}{}", letter.link);
    let settings = letter
        .kind
        .switchable()
        .then(|| Ok::<_, ApiError>((common("settings")?, format!("{ORIGIN}{SETTINGS_PATH}"))))
        .transpose()?;

    let mut text = format!("{greeting}\n\n");
    for paragraph in &paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text.push_str(&format!("{action}: {link}\n\n-- \n{footer}\n"));
    if let Some((label, url)) = &settings {
        text.push_str(&format!("{label}: {url}\n"));
    }

    let html = html(
        language,
        &subject,
        &greeting,
        &paragraphs,
        (&action, &link),
        &footer,
        settings.as_ref().map(|(l, u)| (l.as_str(), u.as_str())),
    );
    Ok(Rendered {
        subject,
        text,
        html,
    })
}

#[allow(clippy::too_many_arguments)]
fn html(
    language: Language,
    subject: &str,
    greeting: &str,
    paragraphs: &[&str],
    (action, link): (&str, &str),
    footer: &str,
    settings: Option<(&str, &str)>,
) -> String {
    let mut out = String::with_capacity(2048);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n</head>\n\
         <body style=\"margin:0;padding:16px;background:#ffffff;color:#1a1a1a;\
         font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5\">\n\
         <main style=\"max-width:40em\">\n",
        language_code(language),
        escape(subject),
    ));
    out.push_str(&format!("<p>{}</p>\n", escape(greeting)));
    for paragraph in paragraphs {
        out.push_str(&format!(
            "<p>{}</p>\n",
            escape(paragraph).replace('\n', "<br>\n")
        ));
    }
    out.push_str(&format!(
        "<p><a href=\"{}\" style=\"color:#0b4f9c;font-weight:bold\">{}</a></p>\n</main>\n",
        escape(link),
        escape(action)
    ));
    out.push_str(&format!(
        "<footer style=\"max-width:40em;margin-top:24px;border-top:1px solid #767676;\
         padding-top:8px;font-size:14px;color:#404040\">\n<p>{}</p>\n",
        escape(footer)
    ));
    if let Some((label, url)) = settings {
        out.push_str(&format!(
            "<p><a href=\"{}\" style=\"color:#0b4f9c\">{}</a></p>\n",
            escape(url),
            escape(label)
        ));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

pub fn language_code(language: Language) -> &'static str {
    match language {
        Language::Pl => "pl",
        Language::Cs => "cs",
        Language::Sk => "sk",
        Language::En => "en",
    }
}

/// A value as it may appear in a mail: no control characters (they could forge
/// [`ORIGIN`] or break a header) except line breaks and tabs.
fn clean(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// A subject is one line (no-break spaces in amounts stay).
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
