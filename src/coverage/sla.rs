//! The SLA's reaction targets in the order a reader looks for them.

use support_api::plan::{Priority, ReactionTarget};

use super::sort_small;

/// A priority's place in the contract's order, most urgent first (unknown ones last).
pub fn priority_rank(priority: Priority) -> usize {
    Priority::ALL
        .iter()
        .position(|&p| p == priority)
        .unwrap_or(usize::MAX)
}

/// Reaction targets, most urgent priority first.
pub fn sorted_targets(targets: &[ReactionTarget]) -> Vec<ReactionTarget> {
    let mut list = targets.to_vec();
    sort_small(&mut list, |a, b| {
        priority_rank(a.priority)
            .cmp(&priority_rank(b.priority))
            .then(a.minutes.cmp(&b.minutes))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaction_targets_most_urgent_first() {
        let t = |priority, minutes| ReactionTarget { priority, minutes };
        let sorted = sorted_targets(&[
            t(Priority::Low, 960),
            t(Priority::Critical, 120),
            t(Priority::Normal, 480),
        ]);
        let order: Vec<Priority> = sorted.iter().map(|t| t.priority).collect();
        assert_eq!(order, [Priority::Critical, Priority::Normal, Priority::Low]);
    }
}
