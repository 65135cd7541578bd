//! Money travels as integer minor units with its currency, never as a float.

use serde::{Deserialize, Serialize};

/// ISO 4217 currencies the company invoices in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Currency {
    #[serde(rename = "PLN")]
    Pln,
    #[serde(rename = "CZK")]
    Czk,
    #[serde(rename = "EUR")]
    Eur,
}

impl Currency {
    /// The ISO 4217 code, as `Intl.NumberFormat` expects it.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Pln => "PLN",
            Currency::Czk => "CZK",
            Currency::Eur => "EUR",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "PLN" => Some(Currency::Pln),
            "CZK" => Some(Currency::Czk),
            "EUR" => Some(Currency::Eur),
            _ => None,
        }
    }
}

/// An amount in minor units (grosz, haléř, cent) of its currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"minor": 4250000, "currency": "PLN"})))]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// The amount in major units, for display only (formatting goes through `Intl`).
    pub fn major(self) -> f64 {
        self.minor as f64 / 100.0
    }
}
