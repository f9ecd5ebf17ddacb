//! Reads `content/story.toml`, validates it, and generates the story as Rust
//! data (`$OUT_DIR/story.rs`). A broken story fails the build with messages
//! that name the file, the line and the field.

#[allow(dead_code)] // the app uses the rest of the date model
#[path = "src/timeline/dates.rs"]
mod dates;
#[path = "src/story/codegen.rs"]
mod story_codegen;
#[path = "src/story/source.rs"]
mod story_source;

// The same module paths as in the crate, so the shared files resolve `crate::...`.
mod timeline {
    pub(crate) use super::dates;
}
mod story {
    pub(crate) use super::story_codegen as codegen;
    pub(crate) use super::story_source as source;
}

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    // EXPLAINER_STORY picks another story file (tests use it); the default is the one story.
    let file = env::var("EXPLAINER_STORY").unwrap_or_else(|_| "content/story.toml".to_owned());
    println!("cargo::rerun-if-env-changed=EXPLAINER_STORY");
    println!("cargo::rerun-if-changed={file}");
    println!("cargo::rerun-if-changed=src/story/source.rs");
    println!("cargo::rerun-if-changed=src/story/codegen.rs");
    println!("cargo::rerun-if-changed=src/timeline/dates.rs");
    let text = fs::read_to_string(&file).unwrap_or_else(|e| {
        eprintln!("error: cannot read the story file {file}: {e}");
        process::exit(1);
    });
    match story::source::parse(&file, &text) {
        Ok(valid) => {
            let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR is set by cargo"));
            fs::write(out.join("story.rs"), story::codegen::generate(&valid))
                .expect("can write the generated story");
        }
        Err(errors) => {
            eprintln!(
                "error: the story file {file} is not valid ({} problems):",
                errors.len()
            );
            for e in &errors {
                eprintln!("  {e}");
                println!("cargo::warning={e}");
            }
            process::exit(1);
        }
    }
}
