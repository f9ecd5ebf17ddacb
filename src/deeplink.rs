//! Deep links: reading a slug from the address's fragment and writing one back.
//!
//! Plain functions, tested natively; the runtime reads and writes the
//! address with them (`browser`).

/// The fragment of a `location.hash` value, without `#`; `None` when empty.
/// Percent-escapes are decoded for ASCII (slugs are ASCII by validation).
pub fn fragment(hash: &str) -> Option<String> {
    let raw = hash.strip_prefix('#').unwrap_or(hash);
    if raw.is_empty() {
        return None;
    }
    let hex = |b: Option<&u8>| char::from(*b?).to_digit(16);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        let rest = chars.as_str().as_bytes();
        // `%XX` naming an ASCII byte; anything else is kept as it is. (No
        // string slicing: its panic path would weigh on the wasm.)
        let decoded = (c == '%')
            .then(|| Some(hex(rest.first())? * 16 + hex(rest.get(1))?))
            .flatten()
            .filter(|b| *b < 0x80);
        match decoded {
            Some(b) => {
                out.push(char::from(b as u8));
                chars.next();
                chars.next();
            }
            None => out.push(c),
        }
    }
    Some(out)
}

/// The index of the item whose slug (with `prefix`) the fragment names.
pub fn find<'a, I>(hash: &str, prefix: &str, slugs: I) -> Option<usize>
where
    I: IntoIterator<Item = &'a str>,
{
    let frag = fragment(hash)?;
    let slug = frag.strip_prefix(prefix)?;
    slugs.into_iter().position(|s| s == slug)
}

/// The address to put in the bar: path and query kept, fragment set or removed.
pub fn address(path_and_query: &str, fragment: Option<&str>) -> String {
    match fragment {
        Some(f) => format!("{path_and_query}#{f}"),
        None => path_and_query.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_strips_the_hash_and_decodes() {
        assert_eq!(fragment("#background").as_deref(), Some("background"));
        assert_eq!(fragment("background").as_deref(), Some("background"));
        assert_eq!(fragment("#why%2Dthis").as_deref(), Some("why-this"));
        assert_eq!(fragment("#50%"), Some("50%".to_owned()));
        assert_eq!(fragment("#caf%C3%A9").as_deref(), Some("caf%C3%A9"));
        assert_eq!(fragment("#"), None);
        assert_eq!(fragment(""), None);
    }

    #[test]
    fn find_matches_known_slugs_only() {
        let slugs = ["why-this-matters", "background"];
        assert_eq!(find("#background", "", slugs), Some(1));
        assert_eq!(find("#nope", "", slugs), None);
        assert_eq!(find("#milestone-background", "milestone-", slugs), Some(1));
        assert_eq!(find("#background", "milestone-", slugs), None);
        assert_eq!(find("", "", slugs), None);
    }

    #[test]
    fn address_keeps_path_and_query() {
        assert_eq!(
            address("/news/x/?embed", Some("background")),
            "/news/x/?embed#background"
        );
        assert_eq!(address("/", None), "/");
    }
}
