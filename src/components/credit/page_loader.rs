//! Where the ledger's pages come from: the API, or in the component tests a loader
//! that answers when the test says so.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use support_api::credit::{LEDGER_PAGE_DEFAULT, LedgerPage};
use support_api::money::Currency;

use crate::api::{self, ApiError, Client};
use crate::credit::filter::LedgerFilter;

pub type PageAnswer = Pin<Box<dyn Future<Output = Result<LedgerPage, ApiError>>>>;

type Load = dyn Fn(&LedgerFilter, Option<&str>) -> PageAnswer;

/// Fetches one page of the filtered ledger after a cursor (`None`: the first page).
#[derive(Clone)]
pub struct PageLoader(Rc<Load>);

impl PageLoader {
    pub fn new(load: impl Fn(&LedgerFilter, Option<&str>) -> PageAnswer + 'static) -> Self {
        PageLoader(Rc::new(load))
    }

    /// Pages of `GET /credit/ledger`, checked for `currency`.
    pub fn api(client: Client, currency: Currency) -> Self {
        PageLoader::new(move |filter, cursor| {
            let (filter, cursor) = (filter.clone(), cursor.map(str::to_owned));
            Box::pin(async move {
                api::credit::ledger_page(
                    client,
                    &filter,
                    LEDGER_PAGE_DEFAULT,
                    cursor.as_deref(),
                    currency,
                )
                .await
            })
        })
    }

    pub fn load(&self, filter: &LedgerFilter, cursor: Option<&str>) -> PageAnswer {
        (self.0)(filter, cursor)
    }
}
