//! The PAY statement as CSV (`crate::csv`'s format): one row per invoiced line, then the
//! total. Pure, tested natively.

use support_api::billing::PayStatement;
use support_api::requests::RequestType;

use crate::credit::amount::decimal;
use crate::csv::{self, hours, push_row, text};

/// The words of the file, in the reader's language.
pub struct PayCsvLabels<'a> {
    /// date, request number, request, service, hours, rate, quote, amount, currency.
    pub header: [&'a str; 9],
    pub total: &'a str,
    pub service: &'a dyn Fn(RequestType) -> &'a str,
}

pub fn pay_csv(statement: &PayStatement, labels: &PayCsvLabels) -> String {
    let mut out = csv::start(64 + statement.lines.len() * 96);
    push_row(&mut out, labels.header.iter().map(|h| (*h).to_owned()));
    let currency = statement.currency.code();
    for line in &statement.lines {
        let row = [
            line.day.clone(),
            line.request_id.to_string(),
            text(Some(&line.title)),
            (labels.service)(line.request_type).to_owned(),
            hours(line.minutes),
            line.rate.map(|r| decimal(r.minor)).unwrap_or_default(),
            line.quote.map(|q| decimal(q.minor)).unwrap_or_default(),
            decimal(line.amount.minor),
            currency.to_owned(),
        ];
        push_row(&mut out, row.into_iter());
    }
    let total = [
        labels.total.to_owned(),
        String::new(),
        String::new(),
        String::new(),
        hours(statement.total_minutes),
        String::new(),
        String::new(),
        decimal(statement.total.minor),
        currency.to_owned(),
    ];
    push_row(&mut out, total.into_iter());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_api::billing::PayLine;
    use support_api::money::{Currency, Money};

    #[test]
    fn one_row_per_line_and_the_total() {
        let eur = |minor| Money::new(minor, Currency::Eur);
        let line = |id, title: &str, rate, quote, amount| PayLine {
            request_id: id,
            title: title.into(),
            request_type: RequestType::Hotline,
            day: "2026-11-03".into(),
            minutes: 90,
            rate,
            rate_unit: None,
            quote,
            amount: eur(amount),
        };
        let statement = PayStatement {
            month: "2026-11".into(),
            currency: Currency::Eur,
            lines: vec![
                line(4, "Views, \"lost\"", Some(eur(5_500)), None, 8_250),
                line(9, "=cmd", None, Some(eur(400_000)), 400_000),
            ],
            total_minutes: 180,
            total: eur(408_250),
        };
        let service = |_| "Hotline";
        let labels = PayCsvLabels {
            header: ["d", "n", "r", "s", "h", "rate", "q", "a", "c"],
            total: "Total",
            service: &service,
        };
        let csv = pay_csv(&statement, &labels);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "d,n,r,s,h,rate,q,a,c");
        assert_eq!(
            lines[1],
            "2026-11-03,4,\"Views, \"\"lost\"\"\",Hotline,1.5,55.00,,82.50,EUR"
        );
        assert_eq!(
            lines[2],
            "2026-11-03,9,'=cmd,Hotline,1.5,,4000.00,4000.00,EUR"
        );
        assert_eq!(lines[3], "Total,,,,3,,,4082.50,EUR");
    }
}
