//! Enums of the contract are stored as the same strings they have in JSON, so one
//! spelling (the contract's serde names) holds everywhere and CHECK constraints match it.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::de::IntoDeserializer;
use serde::de::value::{Error as DeError, StrDeserializer};
use serde::{Deserialize, Serialize};

/// A contract enum in a column: `row.get::<_, Code<Level>>("level")?.0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code<T>(pub T);

impl<T: for<'de> Deserialize<'de>> FromSql for Code<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        let deserializer: StrDeserializer<'_, DeError> = text.into_deserializer();
        T::deserialize(deserializer)
            .map(Code)
            .map_err(|err| FromSqlError::Other(Box::new(err)))
    }
}

impl<T: Serialize> ToSql for Code<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match serde_json::to_value(&self.0) {
            Ok(serde_json::Value::String(text)) => Ok(ToSqlOutput::from(text)),
            Ok(other) => Err(rusqlite::Error::ToSqlConversionFailure(
                format!("{other} is not stored as text").into(),
            )),
            Err(err) => Err(rusqlite::Error::ToSqlConversionFailure(Box::new(err))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;
    use support_api::money::Currency;
    use support_api::plan::Level;

    #[test]
    fn round_trips_through_sqlite_as_the_json_name() -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        let text: String = conn.query_row("SELECT ?1", [Code(Currency::Czk)], |r| r.get(0))?;
        assert_eq!(text, "CZK");
        let level: Code<Level> = conn.query_row("SELECT 'sbp'", [], |r| r.get(0))?;
        assert_eq!(level.0, Level::Sbp);
        let bad = conn.query_row("SELECT 'gold'", [], |r| r.get::<_, Code<Level>>(0));
        assert!(bad.is_err());
        Ok(())
    }
}
