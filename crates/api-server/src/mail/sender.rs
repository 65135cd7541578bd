//! One mail over SMTP with lettre: the stored subject and bodies with the portal's
//! address put in, the outbox's Message-ID (so a mail sent twice after a crash is
//! recognisably the same mail), and `Auto-Submitted` so that out-of-office robots do not
//! answer it (RFC 3834).

use std::time::Duration;

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::queue::Outgoing;
use super::render::with_origin;
use super::settings::{MailSettings, TlsMode};

/// How long one SMTP conversation may take before it counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a mail did not go out: worth trying again soon (the server is down or busy), or
/// refused for good (a malformed address) and tried again only after the longest wait.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    Transient(String),
    Permanent(String),
}

pub struct Sender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

impl Sender {
    pub fn new(settings: &MailSettings) -> Result<Sender, String> {
        let host = settings.smtp_host.as_str();
        let builder = match settings.smtp_tls {
            TlsMode::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            TlsMode::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .map_err(|err| format!("SMTP over STARTTLS to {host}: {err}"))?,
            TlsMode::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                .map_err(|err| format!("SMTP over TLS to {host}: {err}"))?,
        };
        let mut builder = builder.port(settings.smtp_port).timeout(Some(SMTP_TIMEOUT));
        if let (Some(user), Some(password)) = (&settings.smtp_user, &settings.smtp_password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let from = settings
            .mail_from
            .parse()
            .map_err(|err| format!("--mail-from: {err}"))?;
        Ok(Sender {
            transport: builder.build(),
            from,
            public_url: settings.public_url.clone(),
        })
    }

    /// The message as it goes out: multipart/alternative, plain text first.
    pub fn message(&self, mail: &Outgoing) -> Result<Message, Failure> {
        let to: Mailbox = mail
            .to_address
            .parse()
            .map_err(|err| Failure::Permanent(format!("recipient address: {err}")))?;
        Message::builder()
            .message_id(Some(mail.message_id.clone()))
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(AutoSubmitted)
            .multipart(MultiPart::alternative_plain_html(
                with_origin(&mail.body_text, &self.public_url, false),
                with_origin(&mail.body_html, &self.public_url, true),
            ))
            .map_err(|err| Failure::Permanent(format!("building the message: {err}")))
    }

    pub async fn send(&self, mail: &Outgoing) -> Result<(), Failure> {
        let message = self.message(mail)?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(err) if err.is_permanent() => Err(Failure::Permanent(err.to_string())),
            Err(err) => Err(Failure::Transient(err.to_string())),
        }
    }
}

/// `Auto-Submitted: auto-generated`.
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::ORIGIN;

    #[test]
    fn the_message_carries_the_outbox_message_id_and_both_bodies() {
        let sender = Sender::new(&MailSettings {
            public_url: "https://portal.example".into(),
            ..MailSettings::default()
        })
        .expect("sender");
        let mail = Outgoing {
            id: 1,
            message_id: "<abc@support-portal>".into(),
            to_address: "marek@k.demo".into(),
            subject: "[#42] Zażółć".into(),
            body_text: format!("Otwórz: {ORIGIN}/requests/42\n"),
            body_html: format!("<a href=\"{ORIGIN}/requests/42\">x</a>"),
            attempt: 1,
        };
        let raw =
            String::from_utf8(sender.message(&mail).expect("message").formatted()).expect("utf-8");
        assert!(
            raw.contains("Message-ID: <abc@support-portal>\r\n"),
            "{raw}"
        );
        assert!(raw.contains("Auto-Submitted: auto-generated\r\n"));
        assert!(raw.contains("multipart/alternative"));
        assert!(raw.contains("text/plain") && raw.contains("text/html"));
        assert!(!raw.contains('\u{1}'));

        let bad = Outgoing {
            to_address: "not an address".into(),
            ..mail
        };
        assert!(matches!(sender.message(&bad), Err(Failure::Permanent(_))));
    }
}
