//! Telling the page that embeds us how tall we are: the messages, as plain
//! functions (the runtime's `embed` module sends them).
//!
//! Inside an iframe the app watches its own content with a `ResizeObserver`
//! (no polling) and, whenever the height changes, growing or shrinking,
//! posts it to the parent in the two formats host pages already understand:
//!
//! - pym.js: the string `pymxPYMx<childId>xPYMxheightxPYMx<px>`, with the
//!   `childId` that pym.js's parent put in the iframe's address;
//! - AMP: the object `{sentinel: 'amp', type: 'embed-size', height}`, which
//!   our own `embed.js` also reads;
//! - WordPress (its `wp-embed.js`, for a frame it embedded from a
//!   discovered oEmbed response): `{message: 'height', value, secret}`,
//!   with the secret WordPress put in the frame's address (`#?secret=…`),
//!   only when there is one. WordPress keeps such a frame between 200 and
//!   1000 px tall (its own rule), so a taller one scrolls inside.
//!
//! The first height is also sent from a timer right after start-up, as
//! observers only run when the frame renders, which browsers put off for a
//! frame out of view. The height is the content's (`<html>`'s box with `height: auto`), never
//! `scrollHeight`, which cannot drop below the iframe's own height. From the
//! parent the app takes two messages, pym's `width` for our `childId` (also
//! sent by `embed.js` when it starts) and WordPress's `ready` with our
//! secret, and answers them by sending the height again; every other
//! message is ignored.

use super::param;
use crate::json::Json;

/// Separates the fields of a pym.js message.
pub const PYM_DELIMITER: &str = "xPYMx";

/// The `childId` query parameter pym.js adds to the iframe's address; empty
/// when there is none (our own snippet).
pub fn child_id(search: &str) -> String {
    param(search, "childId").unwrap_or_default()
}

/// A pym.js message: `pymxPYMx<id>xPYMx<kind>xPYMx<value>`.
pub fn pym_message(child_id: &str, kind: &str, value: &str) -> String {
    let mut s = String::with_capacity(24 + child_id.len() + kind.len() + value.len());
    for (i, field) in ["pym", child_id, kind, value].into_iter().enumerate() {
        if i > 0 {
            s.push_str(PYM_DELIMITER);
        }
        s.push_str(field);
    }
    s
}

/// The pym.js height message for `px` CSS pixels.
pub fn height_message(child_id: &str, px: u32) -> String {
    pym_message(child_id, "height", &px.to_string())
}

/// Whether a message from the parent asks for our height: pym's `width`
/// message to our `childId`. Anything else is not for us.
pub fn asks_for_height(data: &str, child_id: &str) -> bool {
    let Some(rest) = data
        .strip_prefix("pym")
        .and_then(|r| r.strip_prefix(PYM_DELIMITER))
        .and_then(|r| r.strip_prefix(child_id))
        .and_then(|r| r.strip_prefix(PYM_DELIMITER))
        .and_then(|r| r.strip_prefix("width"))
        .and_then(|r| r.strip_prefix(PYM_DELIMITER))
    else {
        return false;
    };
    !rest.contains(PYM_DELIMITER)
}

/// A measured height in whole CSS pixels, rounded up so that the frame never
/// cuts off a fraction (which would bring back a scrollbar).
pub fn css_px(height: f64) -> u32 {
    if height.is_finite() && height > 0.0 {
        height.ceil().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// The AMP `embed-size` message for `px`.
pub fn amp_message(px: u32) -> Json {
    Json::object([
        ("sentinel", Json::str("amp")),
        ("type", Json::str("embed-size")),
        ("height", Json::Number(f64::from(px))),
    ])
}

/// The secret in a frame's address that WordPress embedded
/// (`#?secret=a1B2c3D4e5`): the letters and digits after `secret=`, as
/// WordPress's own embed template reads it. `None` when there is none.
pub fn wp_secret(hash: &str) -> Option<String> {
    // Split on characters, not on a text: a text searcher would bring
    // panic-message code into the wasm.
    let rest = hash
        .split(['#', '?', '&'])
        .find_map(|pair| pair.strip_prefix("secret="))?;
    let secret: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (!secret.is_empty() && secret.len() <= 64).then_some(secret)
}

/// A message to WordPress's `wp-embed.js`: `{message, value, secret}`
/// (`height` with a number of pixels, `link` with an address).
pub fn wp_message(secret: &str, message: &str, value: Json) -> Json {
    Json::object([
        ("message", Json::str(message)),
        ("value", value),
        ("secret", Json::str(secret)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn child_id_comes_from_pyms_query() {
        assert_eq!(
            child_id("?embed=poll&initialWidth=640&childId=explainer-1&parentTitle=x"),
            "explainer-1"
        );
        assert_eq!(child_id("?embed"), "");
        assert_eq!(child_id("?childId=a%20b"), "a b");
    }

    #[test]
    fn messages_use_pyms_format() {
        assert_eq!(height_message("ex", 1234), "pymxPYMxexxPYMxheightxPYMx1234");
        assert_eq!(height_message("", 8), "pymxPYMxxPYMxheightxPYMx8");
        assert_eq!(
            pym_message("a", "width", "640"),
            "pymxPYMxaxPYMxwidthxPYMx640"
        );
    }

    #[test]
    fn only_our_width_message_asks_for_the_height() {
        assert!(asks_for_height("pymxPYMxexxPYMxwidthxPYMx640", "ex"));
        assert!(asks_for_height("pymxPYMxxPYMxwidthxPYMx640", ""));
        assert!(!asks_for_height("pymxPYMxotherxPYMxwidthxPYMx640", "ex"));
        assert!(!asks_for_height("pymxPYMxexxPYMxheightxPYMx640", "ex"));
        assert!(!asks_for_height(
            "pymxPYMxexxPYMxnavigateToxPYMxhttp://x",
            "ex"
        ));
        assert!(!asks_for_height("pymxPYMxexxPYMxwidthxPYMx1xPYMx2", "ex"));
        assert!(!asks_for_height("hello", "ex"));
        assert!(!asks_for_height("", ""));
    }

    #[test]
    fn amp_messages_are_embed_size_json() {
        assert_eq!(
            crate::json::stringify(&amp_message(640)),
            r#"{"sentinel":"amp","type":"embed-size","height":640}"#
        );
    }

    #[test]
    fn the_wordpress_secret_comes_from_the_fragment() {
        assert_eq!(
            wp_secret("#?secret=a1B2c3D4e5").as_deref(),
            Some("a1B2c3D4e5")
        );
        // wp-embed.js's own secrets may be shorter; anything after is not ours.
        assert_eq!(wp_secret("#?secret=abc12&x=1").as_deref(), Some("abc12"));
        assert_eq!(wp_secret("#milestone-a?secret=Zz9").as_deref(), Some("Zz9"));
        assert_eq!(wp_secret("#?secret="), None);
        assert_eq!(wp_secret("#?secret=\"><"), None);
        assert_eq!(wp_secret(""), None);
        assert_eq!(wp_secret("#milestone-a"), None);
    }

    #[test]
    fn wordpress_messages_carry_the_secret() {
        assert_eq!(
            crate::json::stringify(&wp_message("a1B2c3D4e5", "height", Json::Number(640.0))),
            r#"{"message":"height","value":640,"secret":"a1B2c3D4e5"}"#
        );
        assert_eq!(
            crate::json::stringify(&wp_message("s", "link", Json::str("https://e.org/a/"))),
            r#"{"message":"link","value":"https://e.org/a/","secret":"s"}"#
        );
    }

    #[test]
    fn heights_round_up_to_whole_pixels() {
        assert_eq!(css_px(100.0), 100);
        assert_eq!(css_px(100.2), 101);
        assert_eq!(css_px(0.0), 0);
        assert_eq!(css_px(-3.0), 0);
        assert_eq!(css_px(f64::NAN), 0);
    }
}
