//! The ledger as CSV for a spreadsheet (`crate::csv`'s format): a header row, ISO dates,
//! and amounts as plain decimals with the currency in a column of its own. Pure, tested
//! natively.

use support_api::credit::{LedgerEntry, LedgerKind};

use crate::credit::amount::decimal;
use crate::credit::month::Month;
use crate::csv::{self, hours, push_row, text};

/// The words of the file, in the reader's language.
pub struct CsvLabels<'a> {
    /// date, kind, service, request number, request, hours, amount, currency,
    /// balance after, note.
    pub header: [&'a str; 10],
    pub kind: &'a dyn Fn(LedgerKind) -> &'a str,
    pub service: &'a dyn Fn(support_api::catalog::ServiceCode) -> &'a str,
}

/// The file's text, entries in the order given (the ledger's: newest first).
pub fn ledger_csv(entries: &[LedgerEntry], labels: &CsvLabels) -> String {
    let mut out = csv::start(64 + entries.len() * 96);
    push_row(&mut out, labels.header.iter().map(|h| (*h).to_owned()));
    for entry in entries {
        let hours = entry.minutes.map(hours).unwrap_or_default();
        let row = [
            entry.at.get(..10).unwrap_or(&entry.at).to_owned(),
            (labels.kind)(entry.kind).to_owned(),
            entry
                .service
                .map(|s| (labels.service)(s).to_owned())
                .unwrap_or_default(),
            entry
                .request_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            text(entry.request_title.as_deref()),
            hours,
            decimal(entry.amount.minor),
            entry.amount.currency.code().to_owned(),
            decimal(entry.balance_after.minor),
            text(entry.note.as_deref()),
        ];
        push_row(&mut out, row.into_iter());
    }
    out
}

/// `sbp-ledger-2026-11.csv`: the month the exported period ends in (the filter's end,
/// else today's month).
pub fn file_name(to: Option<&str>, today: Month) -> String {
    let month = to.and_then(Month::of_day).unwrap_or(today);
    format!("sbp-ledger-{month}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::check::tests::entry;
    use support_api::catalog::ServiceCode;

    fn labels() -> CsvLabels<'static> {
        CsvLabels {
            header: [
                "Data",
                "Rodzaj",
                "Usługa",
                "Nr zgłoszenia",
                "Zgłoszenie",
                "Godziny",
                "Kwota",
                "Waluta",
                "Saldo po",
                "Uwagi",
            ],
            kind: &|k| k.as_str(),
            service: &|s| match s {
                ServiceCode::RemoteService => "Interwencja zdalna",
                _ => "inna",
            },
        }
    }

    #[test]
    fn writes_a_header_and_one_row_per_entry() {
        let mut debit = entry(
            7,
            "2026-11-20T10:00:00Z",
            LedgerKind::Debit,
            -123_450,
            876_550,
        );
        debit.request_title = Some("Licencja \"CATIA\", serwer".into());
        let mut top_up = entry(
            6,
            "2026-11-01T08:00:00Z",
            LedgerKind::TopUp,
            1_000_000,
            1_000_000,
        );
        top_up.note = Some("=HYPERLINK(\"x\")".into());
        let csv = ledger_csv(&[debit, top_up], &labels());
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{csv}");
        assert_eq!(
            lines[0],
            "Data,Rodzaj,Usługa,Nr zgłoszenia,Zgłoszenie,Godziny,Kwota,Waluta,Saldo po,Uwagi"
        );
        assert_eq!(
            lines[1],
            "2026-11-20,debit,Interwencja zdalna,107,\"Licencja \"\"CATIA\"\", serwer\",1.5,-1234.50,PLN,8765.50,"
        );
        assert_eq!(
            lines[2],
            "2026-11-01,top_up,,,,,10000.00,PLN,10000.00,\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(lines[3], "");
    }

    #[test]
    fn quotes_line_breaks() {
        let mut e = entry(1, "2026-11-01T08:00:00Z", LedgerKind::Adjustment, 100, 100);
        e.note = Some("line one\nline two".into());
        let csv = ledger_csv(&[e], &labels());
        assert!(csv.contains(",\"line one\nline two\"\r\n"));
    }

    #[test]
    fn names_the_file_by_month() {
        let today = Month::new(2026, 11).expect("a month");
        assert_eq!(file_name(None, today), "sbp-ledger-2026-11.csv");
        assert_eq!(
            file_name(Some("2026-03-31"), today),
            "sbp-ledger-2026-03.csv"
        );
        assert_eq!(file_name(Some("bad"), today), "sbp-ledger-2026-11.csv");
    }
}
