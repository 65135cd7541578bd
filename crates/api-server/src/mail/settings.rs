//! How `serve` sends mail: the SMTP server, the sender, the portal's public address for
//! links, and how long failed mails wait. Flags win over the environment
//! (`PORTAL_SMTP_*`, `PORTAL_MAIL_FROM`, `PORTAL_PUBLIC_URL`), which wins over the
//! defaults: MailDev of `make run` on 127.0.0.1:1025 and the portal of trunk on :8080.

use std::fmt;

pub const DEFAULT_SMTP_HOST: &str = "127.0.0.1";
pub const DEFAULT_SMTP_PORT: u16 = 1025;
pub const DEFAULT_FROM: &str = "Support portal <support-portal@reseller.demo>";
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";
pub const DEFAULT_RETRY_MAX_SECONDS: u32 = 600;

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TlsMode {
    /// Plain SMTP: only for a server on the same machine (MailDev).
    #[default]
    None,
    /// Plain connection upgraded with STARTTLS, which must succeed (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// Also options of `serve`: each field's doc is its `--help` text.
#[derive(Clone, PartialEq, Eq, clap::Args)]
pub struct MailSettings {
    /// The SMTP server mails are sent through.
    #[arg(long, value_name = "HOST", env = "PORTAL_SMTP_HOST", default_value = DEFAULT_SMTP_HOST)]
    pub smtp_host: String,
    /// Its port.
    #[arg(long, value_name = "PORT", env = "PORTAL_SMTP_PORT", default_value_t = DEFAULT_SMTP_PORT)]
    pub smtp_port: u16,
    /// none (MailDev on this machine), starttls or tls.
    #[arg(long, value_name = "MODE", env = "PORTAL_SMTP_TLS", value_enum, default_value_t = TlsMode::None)]
    pub smtp_tls: TlsMode,
    /// The user name for SMTP authentication (with --smtp-password).
    #[arg(long, value_name = "NAME", env = "PORTAL_SMTP_USER")]
    pub smtp_user: Option<String>,
    /// The password for SMTP authentication; better given as PORTAL_SMTP_PASSWORD than on
    /// the command line, where other users of the machine can read it.
    #[arg(
        long,
        value_name = "SECRET",
        env = "PORTAL_SMTP_PASSWORD",
        hide_env_values = true
    )]
    pub smtp_password: Option<String>,
    /// The sender of the mails: an address, or `Name <address>`.
    #[arg(long, value_name = "MAILBOX", env = "PORTAL_MAIL_FROM", default_value = DEFAULT_FROM, value_parser = mailbox)]
    pub mail_from: String,
    /// The portal's address as its users open it: the links in mails start with it.
    #[arg(long, value_name = "URL", env = "PORTAL_PUBLIC_URL", default_value = DEFAULT_PUBLIC_URL, value_parser = public_url)]
    pub public_url: String,
    /// The longest a failed mail waits before it is tried again (the wait doubles from
    /// 5 s up to this).
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_RETRY_MAX_SECONDS, value_parser = clap::value_parser!(u32).range(1..))]
    pub mail_retry_max_seconds: u32,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_host: DEFAULT_SMTP_HOST.into(),
            smtp_port: DEFAULT_SMTP_PORT,
            smtp_tls: TlsMode::None,
            smtp_user: None,
            smtp_password: None,
            mail_from: DEFAULT_FROM.into(),
            public_url: DEFAULT_PUBLIC_URL.into(),
            mail_retry_max_seconds: DEFAULT_RETRY_MAX_SECONDS,
        }
    }
}

/// The password never reaches a log.
impl fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("smtp_tls", &self.smtp_tls)
            .field("smtp_user", &self.smtp_user)
            .field("smtp_password", &self.smtp_password.as_ref().map(|_| "***"))
            .field("mail_from", &self.mail_from)
            .field("public_url", &self.public_url)
            .field("mail_retry_max_seconds", &self.mail_retry_max_seconds)
            .finish()
    }
}

/// `--mail-from`: what lettre accepts as a mailbox.
fn mailbox(text: &str) -> Result<String, String> {
    text.parse::<lettre::message::Mailbox>()
        .map(|_| text.to_owned())
        .map_err(|err| format!("expected an address like {DEFAULT_FROM}: {err}"))
}

/// `--public-url`: http(s)://host[:port][/path], without a trailing slash.
fn public_url(text: &str) -> Result<String, String> {
    let trimmed = text.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.contains(char::is_whitespace) => {
            Ok(trimmed.to_owned())
        }
        _ => Err("expected an address like https://portal.example.com".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_stays_out_of_debug_output() {
        let settings = MailSettings {
            smtp_password: Some("hunter2".into()),
            ..MailSettings::default()
        };
        let shown = format!("{settings:?}");
        assert!(
            !shown.contains("hunter2") && shown.contains("***"),
            "{shown}"
        );
    }

    #[test]
    fn addresses_are_checked() {
        assert_eq!(
            public_url("https://p.example/").as_deref(),
            Ok("https://p.example")
        );
        assert!(public_url("p.example").is_err());
        assert!(mailbox(DEFAULT_FROM).is_ok());
        assert!(mailbox("not an address").is_err());
    }
}
