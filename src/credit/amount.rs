//! Amounts in minor units as plain decimals (for CSV and links), and the suggested
//! top-up. Integer arithmetic only: money never goes through a float here.
//! Pure, tested natively.

/// `-1234.5` → `"-1234.50"` from minor units (every currency of the portal has two
/// decimals: PLN, CZK, EUR).
pub fn decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Twice the threshold, rounded up to a round figure (two significant digits of the
/// major units), so the suggestion reads like an amount a person would choose.
pub fn suggested_top_up(threshold_minor: i64) -> i64 {
    let major = ceil_div(threshold_minor.max(100).saturating_mul(2), 100);
    let mut unit: i64 = 1;
    while major / unit >= 100 {
        unit = unit.saturating_mul(10);
    }
    ceil_div(major, unit)
        .saturating_mul(unit)
        .saturating_mul(100)
}

/// `value / by`, rounded up, for positive `by` (`i64::div_ceil` is not stable).
pub fn ceil_div(value: i64, by: i64) -> i64 {
    let quotient = value.div_euclid(by);
    if value.rem_euclid(by) == 0 {
        quotient
    } else {
        quotient + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_decimals() {
        assert_eq!(decimal(0), "0.00");
        assert_eq!(decimal(5), "0.05");
        assert_eq!(decimal(-5), "-0.05");
        assert_eq!(decimal(123_450), "1234.50");
        assert_eq!(decimal(-4_250_000), "-42500.00");
        assert_eq!(decimal(i64::MIN), "-92233720368547758.08");
    }

    #[test]
    fn suggests_round_top_ups() {
        // 20 000,00 → 40 000,00
        assert_eq!(suggested_top_up(2_000_000), 4_000_000);
        // 12 345,00 → 24 690 → 25 000,00
        assert_eq!(suggested_top_up(1_234_500), 2_500_000);
        // 150 000 CZK → 300 000
        assert_eq!(suggested_top_up(15_000_000), 30_000_000);
        // 37,50 → 75
        assert_eq!(suggested_top_up(3_750), 7_500);
        // no threshold: still something to start from
        assert_eq!(suggested_top_up(0), 200);
    }
}
