//! The requests list's filters: read from the page's URL query, written back to it (so a
//! reload or "back" keeps them) and turned into the API's query. Pure, tested natively.

use support_api::plan::Priority;
use support_api::requests::{RequestSort, RequestStatus, RequestType};

use crate::redirect::encode_component;

/// Rows asked for per page; "Load more" asks for the next page with the cursor.
pub const PAGE_SIZE: u32 = 50;

/// What the list shows. The default (open requests, newest first) writes no query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub closed: bool,
    pub status: Option<RequestStatus>,
    pub kind: Option<RequestType>,
    pub priority: Option<Priority>,
    /// Words to find in titles.
    pub q: String,
    pub sort: RequestSort,
}

impl ListQuery {
    /// From the page's query parameters; unknown values are ignored, and a status that
    /// does not belong to the chosen tab is dropped.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ListQuery {
        let closed = get("view").as_deref() == Some("closed");
        let status = get("status")
            .and_then(|s| RequestStatus::parse(&s))
            .filter(|s| s.is_open() != closed);
        ListQuery {
            closed,
            status,
            kind: get("type").and_then(|s| RequestType::parse(&s)),
            priority: get("priority").and_then(|s| Priority::parse(&s)),
            q: get("q").map(|q| q.trim().to_owned()).unwrap_or_default(),
            sort: get("sort")
                .and_then(|s| RequestSort::parse(&s))
                .unwrap_or_default(),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, &str)> {
        let mut pairs = Vec::new();
        if let Some(s) = self.status {
            pairs.push(("status", s.as_str()));
        }
        if let Some(t) = self.kind {
            pairs.push(("type", t.as_str()));
        }
        if let Some(p) = self.priority {
            pairs.push(("priority", p.as_str()));
        }
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.trim()));
        }
        pairs
    }

    /// The page's address for these filters: `/requests?view=closed&type=training`.
    pub fn to_url(&self) -> String {
        let mut pairs = Vec::new();
        if self.closed {
            pairs.push(("view", "closed"));
        }
        pairs.extend(self.pairs());
        if self.sort != RequestSort::default() {
            pairs.push(("sort", self.sort.as_str()));
        }
        format!("/requests{}", join(&pairs))
    }

    /// The API path for one page of these filters, `limit` rows long (the list asks for
    /// [`PAGE_SIZE`], the overview's glance for a few).
    pub fn to_api(&self, cursor: Option<&str>, limit: u32) -> String {
        let limit = limit.to_string();
        let mut pairs = vec![("open", if self.closed { "false" } else { "true" })];
        pairs.extend(self.pairs());
        pairs.push(("sort", self.sort.as_str()));
        pairs.push(("limit", &limit));
        if let Some(cursor) = cursor {
            pairs.push(("cursor", cursor));
        }
        format!("/requests{}", join(&pairs))
    }

    /// Whether anything narrows the list beyond its tab.
    pub fn is_filtered(&self) -> bool {
        !self.pairs().is_empty()
    }
}

fn join(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        out.push_str(&encode_component(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &[(&str, &str)]) -> ListQuery {
        ListQuery::from_params(|name| {
            query
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_default_writes_no_query() {
        let q = parse(&[]);
        assert_eq!(q, ListQuery::default());
        assert_eq!(q.to_url(), "/requests");
        assert!(!q.is_filtered());
        assert_eq!(
            q.to_api(None, PAGE_SIZE),
            "/requests?open=true&sort=created_desc&limit=50"
        );
    }

    #[test]
    fn filters_round_trip_through_the_url() {
        let q = ListQuery {
            closed: true,
            status: Some(RequestStatus::Resolved),
            kind: Some(RequestType::OnsiteService),
            priority: Some(Priority::High),
            q: "licence server".into(),
            sort: RequestSort::Priority,
        };
        let url = q.to_url();
        assert_eq!(
            url,
            "/requests?view=closed&status=resolved&type=onsite_service&priority=high&q=licence%20server&sort=priority"
        );
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(n, v)| (n.to_owned(), v.replace("%20", " ")))
            .collect();
        let back = ListQuery::from_params(|name| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, q);
    }

    #[test]
    fn the_api_query_carries_tab_sort_limit_and_cursor() {
        let q = parse(&[
            ("view", "closed"),
            ("q", " a&b=c "),
            ("sort", "created_asc"),
        ]);
        assert_eq!(
            q.to_api(Some("abc=="), PAGE_SIZE),
            "/requests?open=false&q=a%26b%3Dc&sort=created_asc&limit=50&cursor=abc%3D%3D"
        );
    }

    #[test]
    fn unknown_values_and_a_status_of_the_other_tab_are_dropped() {
        let q = parse(&[
            ("status", "resolved"),
            ("type", "teleport"),
            ("priority", "urgent"),
            ("sort", "random"),
        ]);
        assert_eq!(q, ListQuery::default());
        let q = parse(&[("view", "closed"), ("status", "cancelled")]);
        assert_eq!(q.status, Some(RequestStatus::Cancelled));
        assert!(q.is_filtered());
    }
}
