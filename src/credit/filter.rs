//! The ledger's filter: read from and written to the page's query (so a reload or a
//! shared link keeps it), and turned into the API's query. Pure, tested natively.

use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;

use crate::calendar::parse_day;
use crate::redirect::encode_component;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    pub service: Option<ServiceCode>,
    pub kind: Option<LedgerKind>,
}

impl LedgerFilter {
    /// From query parameters; a value that is not valid is ignored (a hand-edited or
    /// stale link shows the unfiltered ledger rather than an error).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> LedgerFilter {
        let day = |key| get(key).filter(|d| parse_day(d).is_some());
        LedgerFilter {
            from: day("from"),
            to: day("to"),
            service: get("service").and_then(|s| ServiceCode::parse(&s)),
            kind: get("kind").and_then(|k| LedgerKind::parse(&k)),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == LedgerFilter::default()
    }

    /// A period that ends before it starts.
    pub fn is_reversed(&self) -> bool {
        matches!((&self.from, &self.to), (Some(from), Some(to)) if from > to)
    }

    /// `from=…&to=…&service=…&kind=…`, only the parts that are set.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(from) = &self.from {
            pairs.push(("from", from));
        }
        if let Some(to) = &self.to {
            pairs.push(("to", to));
        }
        if let Some(service) = self.service {
            pairs.push(("service", service.as_str()));
        }
        if let Some(kind) = self.kind {
            pairs.push(("kind", kind.as_str()));
        }
        pairs
            .iter()
            .map(|(key, value)| format!("{key}={}", encode_component(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The API path of one page of the filtered ledger.
    pub fn api_path(&self, limit: u32, cursor: Option<&str>) -> String {
        let mut path = format!("/credit/ledger?limit={limit}");
        let query = self.to_query();
        if !query.is_empty() {
            path.push('&');
            path.push_str(&query);
        }
        if let Some(cursor) = cursor {
            path.push_str("&cursor=");
            path.push_str(&encode_component(cursor));
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn reads_a_valid_query() {
        let filter = LedgerFilter::from_query(query(&[
            ("from", "2026-01-01"),
            ("to", "2026-03-31"),
            ("service", "onsite_service"),
            ("kind", "debit"),
        ]));
        assert_eq!(filter.from.as_deref(), Some("2026-01-01"));
        assert_eq!(filter.to.as_deref(), Some("2026-03-31"));
        assert_eq!(filter.service, Some(ServiceCode::OnsiteService));
        assert_eq!(filter.kind, Some(LedgerKind::Debit));
        assert!(!filter.is_reversed());
    }

    #[test]
    fn ignores_what_is_not_valid() {
        let filter = LedgerFilter::from_query(query(&[
            ("from", "2026-02-30"),
            ("to", "yesterday"),
            ("service", "coffee"),
            ("kind", "DEBIT"),
        ]));
        assert!(filter.is_empty());
    }

    #[test]
    fn round_trips_through_the_query() {
        let filter = LedgerFilter {
            from: Some("2026-01-01".into()),
            to: None,
            service: Some(ServiceCode::Training),
            kind: Some(LedgerKind::TopUp),
        };
        let text = filter.to_query();
        assert_eq!(text, "from=2026-01-01&service=training&kind=top_up");
        let pairs: Vec<(String, String)> = text
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let back = LedgerFilter::from_query(|key| {
            pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
        });
        assert_eq!(back, filter);
        assert_eq!(LedgerFilter::default().to_query(), "");
    }

    #[test]
    fn builds_api_paths() {
        assert_eq!(
            LedgerFilter::default().api_path(50, None),
            "/credit/ledger?limit=50"
        );
        let filter = LedgerFilter {
            kind: Some(LedgerKind::Debit),
            ..Default::default()
        };
        assert_eq!(
            filter.api_path(500, Some("a+b/c=")),
            "/credit/ledger?limit=500&kind=debit&cursor=a%2Bb%2Fc%3D"
        );
    }

    #[test]
    fn knows_a_reversed_period() {
        let filter = LedgerFilter {
            from: Some("2026-03-01".into()),
            to: Some("2026-02-01".into()),
            ..Default::default()
        };
        assert!(filter.is_reversed());
    }
}
