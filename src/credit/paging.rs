//! The ledger's paging: the rows shown for a filter, the cursor of the next page, and
//! whether a page is on its way or failed. Pure, tested natively; the ledger component
//! (`components::credit::ledger_table`) keeps one of these in a signal and asks for the
//! pages it hands out.
//!
//! Every ask carries the generation of the filter it was made for: an answer for an
//! older filter, or for a page that is no longer the next one, is ignored. Only one page
//! is asked for at a time, so a double click on "Load more" loads once.

use support_api::credit::{LedgerEntry, LedgerPage};

use crate::api::ApiError;
use crate::api::credit::continues;
use crate::credit::filter::LedgerFilter;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// A page is on its way.
    Loading,
    Idle,
    /// The last page asked for failed; the rows shown stay.
    Failed(ApiError),
}

/// One page to fetch: the filter, the cursor after which it starts (`None`: the
/// first page) and the generation of the filter it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub filter: LedgerFilter,
    pub cursor: Option<String>,
    generation: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Paging {
    pub filter: LedgerFilter,
    /// Newest first, as the API lists them.
    pub rows: Vec<LedgerEntry>,
    /// The cursor of the next page; `None` once the last page is shown.
    pub next: Option<String>,
    pub status: Status,
    /// Bumped by each new filter.
    generation: u64,
}

impl Paging {
    /// The ledger for `filter`, with the ask for its first page.
    pub fn start(filter: LedgerFilter) -> (Paging, Ask) {
        let paging = Paging {
            filter: filter.clone(),
            rows: Vec::new(),
            next: None,
            status: Status::Loading,
            generation: 0,
        };
        let ask = paging.ask();
        (paging, ask)
    }

    fn ask(&self) -> Ask {
        Ask {
            filter: self.filter.clone(),
            cursor: self.next.clone(),
            generation: self.generation,
        }
    }

    /// A new filter: the shown rows go and its first page is asked for (a page still
    /// on its way for the old filter will be ignored).
    pub fn refilter(&mut self, filter: LedgerFilter) -> Ask {
        self.filter = filter;
        self.generation += 1;
        self.rows.clear();
        self.next = None;
        self.status = Status::Loading;
        self.ask()
    }

    /// "Load more", or the retry after a failure: the next page (the first, when none
    /// came). `None` while a page is on its way, or when the last one is shown.
    pub fn more(&mut self) -> Option<Ask> {
        let at_end = self.next.is_none() && !self.rows.is_empty();
        if self.status == Status::Loading || at_end {
            return None;
        }
        self.status = Status::Loading;
        Some(self.ask())
    }

    /// Whether `Load more` has anything to load.
    pub fn has_more(&self) -> bool {
        self.next.is_some() && !self.rows.is_empty()
    }

    /// The answer to `ask`: its rows are appended if they continue the shown ones; an
    /// answer to an outdated ask changes nothing. Tells whether it was taken.
    pub fn answer(&mut self, ask: &Ask, result: Result<LedgerPage, ApiError>) -> bool {
        let current = ask.generation == self.generation
            && ask.cursor == self.next
            && self.status == Status::Loading;
        if !current {
            return false;
        }
        match result.and_then(|page| continues(&self.rows, &page, &self.filter).map(|()| page)) {
            Ok(page) => {
                self.rows.extend(page.items);
                self.next = page.next_cursor;
                self.status = Status::Idle;
            }
            Err(error) => self.status = Status::Failed(error),
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::check::tests::entry;
    use support_api::credit::LedgerKind;

    /// Entries `ids` (newest first) that chain down to a balance of zero.
    fn page(ids: std::ops::RangeInclusive<i64>, next: Option<&str>) -> LedgerPage {
        let items = ids
            .rev()
            .map(|id| {
                let at = format!("2026-01-01T00:{:02}:00Z", id % 60);
                entry(id, &at, LedgerKind::TopUp, 100, id * 100)
            })
            .collect();
        LedgerPage {
            items,
            next_cursor: next.map(str::to_owned),
        }
    }

    #[test]
    fn pages_are_appended_once_each() {
        let (mut paging, first) = Paging::start(LedgerFilter::default());
        assert_eq!(paging.more(), None, "the first page is on its way");
        assert!(paging.answer(&first, Ok(page(5..=8, Some("c4")))));
        assert!(paging.has_more());
        let second = paging.more().expect("a next page");
        assert_eq!(second.cursor.as_deref(), Some("c4"));
        assert_eq!(paging.more(), None, "a double click asks once");
        assert!(paging.answer(&second, Ok(page(1..=4, None))));
        assert!(!paging.answer(&second, Ok(page(1..=4, None))), "taken once");
        let ids: Vec<i64> = paging.rows.iter().map(|e| e.id).collect();
        assert_eq!(ids, [8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(paging.status, Status::Idle);
        assert!(!paging.has_more());
        assert_eq!(paging.more(), None, "nothing after the last page");
    }

    #[test]
    fn an_answer_for_an_older_filter_is_ignored() {
        let (mut paging, first) = Paging::start(LedgerFilter::default());
        assert!(paging.answer(&first, Ok(page(5..=8, Some("c4")))));
        let more = paging.more().expect("a next page");
        let debits = LedgerFilter {
            kind: Some(LedgerKind::Debit),
            ..Default::default()
        };
        let refiltered = paging.refilter(debits.clone());
        assert!(!paging.answer(&more, Ok(page(1..=4, None))));
        assert!(paging.rows.is_empty());
        assert_eq!(paging.status, Status::Loading);
        // The same filter chosen again is a new generation too.
        let again = paging.refilter(debits);
        assert!(!paging.answer(&refiltered, Ok(page(1..=4, None))));
        assert!(paging.answer(&again, Ok(page(1..=2, None))));
        assert_eq!(paging.rows.len(), 2);
    }

    #[test]
    fn a_failed_page_keeps_the_rows_and_can_be_asked_again() {
        let (mut paging, first) = Paging::start(LedgerFilter::default());
        assert!(paging.answer(&first, Ok(page(5..=8, Some("c4")))));
        let more = paging.more().expect("a next page");
        assert!(paging.answer(&more, Err(ApiError::Network("down".into()))));
        assert_eq!(paging.rows.len(), 4);
        assert!(matches!(paging.status, Status::Failed(_)));
        let retry = paging.more().expect("a retry");
        assert_eq!(retry, more);
        assert!(paging.answer(&retry, Ok(page(1..=4, None))));
        assert_eq!(paging.rows.len(), 8);
    }

    #[test]
    fn a_page_that_does_not_continue_the_balance_is_an_error() {
        let (mut paging, first) = Paging::start(LedgerFilter::default());
        assert!(paging.answer(&first, Ok(page(5..=8, Some("c4")))));
        let more = paging.more().expect("a next page");
        // The same page again: its newest entry does not follow the oldest shown.
        assert!(paging.answer(&more, Ok(page(5..=8, None))));
        assert!(matches!(
            paging.status,
            Status::Failed(ApiError::Malformed(_))
        ));
        assert_eq!(paging.rows.len(), 4);
    }
}
