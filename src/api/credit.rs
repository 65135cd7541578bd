//! `GET /credit`, `GET /credit/ledger` and the top-up request. Every answer is checked
//! beyond decoding (`credit::check`): one that contradicts itself is `Malformed`.

use support_api::credit::{Credit, LEDGER_PAGE_MAX, LedgerEntry, LedgerPage};
use support_api::money::Currency;

use super::{ApiError, Client};
use crate::credit::check::{check_credit, check_page, follows};
use crate::credit::filter::LedgerFilter;

/// Balance, threshold, blocks, forecast (and, for admins, the monthly use);
/// `None` when the customer has no SBP (the API answers 404).
pub async fn get_optional(client: Client) -> Result<Option<Credit>, ApiError> {
    let credit: Credit = match client.get("/credit").await {
        Ok(credit) => credit,
        Err(ApiError::NotFound) => return Ok(None),
        Err(error) => return Err(error),
    };
    check_credit(&credit).map_err(ApiError::Malformed)?;
    Ok(Some(credit))
}

/// One page of the filtered ledger, newest first.
pub async fn ledger_page(
    client: Client,
    filter: &LedgerFilter,
    limit: u32,
    cursor: Option<&str>,
    currency: Currency,
) -> Result<LedgerPage, ApiError> {
    let page: LedgerPage = client.get(&filter.api_path(limit, cursor)).await?;
    check_page(&page, currency, filter.is_empty()).map_err(ApiError::Malformed)?;
    if page
        .next_cursor
        .as_deref()
        .is_some_and(|next| Some(next) == cursor)
    {
        return Err(ApiError::Malformed("the next cursor repeats".into()));
    }
    Ok(page)
}

/// The next page continues the shown one: for the unfiltered ledger its first entry
/// must follow the last shown.
pub fn continues(
    shown: &[LedgerEntry],
    next: &LedgerPage,
    filter: &LedgerFilter,
) -> Result<(), ApiError> {
    match (shown.last(), next.items.first()) {
        (Some(older_shown), Some(first)) if filter.is_empty() => {
            if first.at > older_shown.at {
                return Err(ApiError::Malformed("the next page is newer".into()));
            }
            follows(first, older_shown).map_err(ApiError::Malformed)
        }
        _ => Ok(()),
    }
}

/// Every entry of the filtered ledger, page by page (largest pages); `progress` hears
/// how many have come so far.
pub async fn ledger_all(
    client: Client,
    filter: &LedgerFilter,
    currency: Currency,
    progress: impl Fn(usize),
) -> Result<Vec<LedgerEntry>, ApiError> {
    let mut entries: Vec<LedgerEntry> = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page =
            ledger_page(client, filter, LEDGER_PAGE_MAX, cursor.as_deref(), currency).await?;
        continues(&entries, &page, filter)?;
        entries.extend(page.items);
        progress(entries.len());
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return Ok(entries),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::check::tests::entry;
    use support_api::credit::LedgerKind;

    #[test]
    fn a_next_page_must_continue_the_balance() {
        let shown = [entry(
            5,
            "2026-11-02T10:00:00Z",
            LedgerKind::Debit,
            -100,
            900,
        )];
        let page = |after| LedgerPage {
            items: vec![entry(
                4,
                "2026-11-01T10:00:00Z",
                LedgerKind::TopUp,
                1_000,
                after,
            )],
            next_cursor: None,
        };
        let all = LedgerFilter::default();
        assert_eq!(continues(&shown, &page(1_000), &all), Ok(()));
        assert!(continues(&shown, &page(1_100), &all).is_err());
        let debits = LedgerFilter {
            kind: Some(LedgerKind::Debit),
            ..Default::default()
        };
        assert_eq!(continues(&shown, &page(1_100), &debits), Ok(()));
        assert_eq!(continues(&[], &page(1_100), &all), Ok(()));
    }
}
