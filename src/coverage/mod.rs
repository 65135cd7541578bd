//! The plan and catalog arranged for reading, by job: the installed base's order and
//! what needs attention ([`licences`]), what a customer can do ([`actions`]), which rate
//! applies ([`rates`]), business hours and phone links ([`contact`]), and the SLA's
//! targets ([`sla`]). Pure logic, tested natively.

mod actions;
mod contact;
mod licences;
mod rates;
mod sla;

use std::cmp::Ordering;

pub use actions::{Action, actions, held_levels};
pub use contact::{split_minutes, tel_href, weekday_runs};
pub use licences::{Column, Sort, needing_attention, sort_licences};
pub use rates::{PriceUnit, own_rate, price_unit};
pub use sla::sorted_targets;

/// A stable insertion sort. The lists here are short, and it costs the wasm a fraction
/// of the standard library's sorts (which come in once per comparison closure).
pub fn sort_small<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && cmp(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn the_small_sort_is_stable() {
        let mut pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small(&mut pairs, |x, y| x.0.cmp(&y.0));
        assert_eq!(pairs, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_small(&mut empty, u8::cmp);
    }
}
