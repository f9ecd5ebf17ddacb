//! The evergreen context's plain logic: what it announces.

/// What the live region says after "Expand all" or "Collapse all".
pub fn all_toggled_message(expanded: bool, count: usize) -> String {
    match (expanded, count) {
        (true, 1) => "The section is expanded.".to_owned(),
        (true, n) => format!("All {n} sections expanded."),
        (false, 1) => "The section is collapsed.".to_owned(),
        (false, n) => format!("All {n} sections collapsed."),
    }
}

#[cfg(test)]
mod tests {
    use super::all_toggled_message;

    #[test]
    fn announcements_count_sections() {
        assert_eq!(all_toggled_message(true, 10), "All 10 sections expanded.");
        assert_eq!(all_toggled_message(false, 10), "All 10 sections collapsed.");
        assert_eq!(all_toggled_message(true, 1), "The section is expanded.");
    }
}
