//! The signed-in customer's plan (`GET /plan`), loaded once per sign-in by the signed-in
//! layout and shared: the navigation (whether to offer the credit page), the overview,
//! the plan page and the request form all read it, so moving between them asks the API
//! nothing again. A retry on any page reloads it for all of them.

use leptos::prelude::*;
use support_api::plan::Plan;

use crate::api::{self, ApiError, client::use_client};

#[derive(Clone, Copy)]
pub struct SharedPlan(pub LocalResource<Result<Plan, ApiError>>);

/// Starts loading the plan and provides it to everything below.
pub fn provide_plan() -> SharedPlan {
    let client = use_client();
    let plan = SharedPlan(LocalResource::new(move || api::plan::plan(client)));
    provide_context(plan);
    plan
}

/// The shared plan (a load of its own where no layout provides one).
pub fn use_plan() -> LocalResource<Result<Plan, ApiError>> {
    use_context::<SharedPlan>().unwrap_or_else(provide_plan).0
}
