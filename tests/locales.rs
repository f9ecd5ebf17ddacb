//! Every shipped locale: complete, and writing dates and plural forms the
//! way its language does. Natively, with the same code the pre-renderer uses.
#![cfg(not(target_arch = "wasm32"))]

use explainer::dates::{Date, When};
use explainer::i18n::{read, Dir, Locale, Value};

fn locale(tag: &str) -> Locale {
    let path = format!("{}/locales/{tag}.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let file = read(&format!("locales/{tag}.ftl"), tag, &text).unwrap_or_else(|problems| {
        let said: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{}: {}: {}", p.file, p.line, p.key, p.message))
            .collect();
        panic!("{}", said.join("\n"))
    });
    Locale::new(&file, tag, &[]).unwrap()
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn every_shipped_locale_is_complete() {
    for tag in ["en", "ru", "tg", "ja", "ar"] {
        let t = locale(tag);
        assert!(!t.text("poll-save").is_empty(), "{tag}");
    }
}

#[test]
fn russian_dates_and_plurals() {
    let t = locale("ru");
    // ICU4X writes a narrow no-break space before "г."; the seasons do too.
    assert_eq!(t.date(d("2026-spring")), "весна 2026\u{202f}г.");
    // A month standing alone takes its stand-alone form, not the genitive.
    assert_eq!(t.date(d("2025-10")), "октябрь 2025\u{202f}г.");
    assert!(!t.date(d("2025-10")).contains("октября"));
    assert_eq!(t.date(d("2028-06-12")), "12 июня 2028\u{202f}г.");
    assert_eq!(t.dir, Dir::Ltr);
    // Three forms for whole numbers.
    let count = |n| t.format("timeline-filter-count", &[("count", Value::Num(n))]);
    assert_eq!(count(5), "(5)");
    let all = |n| t.format("context-all-expanded", &[("count", Value::Num(n))]);
    let forms: Vec<String> = [2, 5, 21].into_iter().map(all).collect();
    assert_ne!(
        forms[0].replace('2', ""),
        forms[1].replace('5', ""),
        "{forms:?}"
    );
    let cats: Vec<&str> = t.integer_categories().into_iter().map(|(c, _)| c).collect();
    assert_eq!(cats, ["many", "one", "few"]);
}

#[test]
fn japanese_seasons_and_quarters() {
    let t = locale("ja");
    assert_eq!(t.date(d("2026-spring")), "2026年春");
    assert_eq!(t.date(d("2026-Q2")), "2026年第2四半期");
    assert_eq!(t.date(d("2025-10")), "2025年10月");
    assert_eq!(t.integer_categories(), vec![("other", 0)]);
}

#[test]
fn arabic_is_right_to_left_with_six_forms() {
    let t = locale("ar");
    assert_eq!(t.dir, Dir::Rtl);
    assert_eq!(t.date(d("2030-10")), "أكتوبر 2030");
    let cats: Vec<&str> = t.integer_categories().into_iter().map(|(c, _)| c).collect();
    assert_eq!(cats, ["zero", "one", "two", "few", "many", "other"]);
    let span = When::new(d("2034"), Some(d("2036")), false).unwrap();
    assert!(t.when(span).contains("2034") && t.when(span).contains("2036"));
}

#[test]
fn tajik_has_its_own_words() {
    let t = locale("tg");
    assert!(t.date(d("2026-spring")).contains("2026"));
    assert_ne!(t.text("poll-save"), locale("en").text("poll-save"));
}

/// No interface word of the English locale appears in another locale's file
/// (a key left untranslated).
#[test]
fn no_locale_keeps_an_english_sentence() {
    let en = locale("en");
    for tag in ["ru", "tg", "ja", "ar"] {
        let t = locale(tag);
        for key in explainer::i18n::keys::ALL {
            if key.vars.is_empty() {
                let (theirs, ours) = (t.text(key.id), en.text(key.id));
                assert_ne!(theirs, ours, "{tag}: {} is still English", key.id);
            }
        }
    }
}

/// The README lists every key.
#[test]
fn the_readme_lists_every_key() {
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for key in explainer::i18n::keys::ALL {
        assert!(
            readme.contains(&format!("| `{}` |", key.id)),
            "README.md lacks {}",
            key.id
        );
    }
}
