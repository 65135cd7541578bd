//! Business hours and phone numbers, arranged for reading and dialling.

use super::sort_small;

/// ISO weekdays (1 = Monday) as runs of consecutive days: `[1,2,3,4,5]` is one run
/// `(1, 5)`, `[1,3,4]` is `(1, 1), (3, 4)`. Out-of-range days and repeats are dropped.
pub fn weekday_runs(days: &[u8]) -> Vec<(u8, u8)> {
    let mut sorted: Vec<u8> = days
        .iter()
        .copied()
        .filter(|d| (1..=7).contains(d))
        .collect();
    sort_small(&mut sorted, u8::cmp);
    sorted.dedup();
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for day in sorted {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == day => *end = day,
            _ => runs.push((day, day)),
        }
    }
    runs
}

/// Whole hours and the minutes left over.
pub fn split_minutes(minutes: u32) -> (u32, u32) {
    (minutes / 60, minutes % 60)
}

/// A `tel:` link target: the digits and a leading `+`, without spaces or punctuation.
pub fn tel_href(phone: &str) -> String {
    let mut href = String::from("tel:");
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (i == 0 && c == '+') {
            href.push(c);
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_runs_group_consecutive_days() {
        assert_eq!(weekday_runs(&[1, 2, 3, 4, 5]), [(1, 5)]);
        assert_eq!(weekday_runs(&[5, 1, 3, 4, 4]), [(1, 1), (3, 5)]);
        assert_eq!(weekday_runs(&[6]), [(6, 6)]);
        assert_eq!(weekday_runs(&[0, 8]), []);
        assert_eq!(weekday_runs(&[]), []);
    }

    #[test]
    fn minutes_split_into_hours() {
        assert_eq!(split_minutes(120), (2, 0));
        assert_eq!(split_minutes(90), (1, 30));
        assert_eq!(split_minutes(45), (0, 45));
    }

    #[test]
    fn tel_links_keep_digits_and_plus() {
        assert_eq!(tel_href("+44 1632 960 100"), "tel:+441632960100");
        assert_eq!(tel_href(" (0) 12-34 "), "tel:01234");
        assert_eq!(tel_href("1+2"), "tel:12");
    }
}
