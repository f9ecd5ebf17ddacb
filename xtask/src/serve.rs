//! `cargo xtask serve`: the site on 127.0.0.1, rebuilt as it is edited.
//!
//! The first build is `cargo xtask build`'s (the runtime when its inputs
//! changed, then every story), except that a story with problems does not
//! stop it: its page shows the problems (file, line, column, field,
//! message), and so does the terminal. Then two watches run:
//!
//! - the content folder and the locale files, every 200 ms: when a story
//!   or a locale is saved, added or removed, every story is validated and
//!   rendered again (a few milliseconds each) and the site swapped in
//!   whole, so a reload shows the edit, or the problems, at once;
//! - the runtime's inputs (code, styles, Trunk's entry), every second: a
//!   change rebuilds the runtime with Trunk, then the site. While a
//!   rebuild fails, the last good site is served and the error printed.
//!
//! Files are served from `dist/` as they are, with `Cache-Control:
//! no-cache`, so a reload always asks again, by axum on a small tokio
//! runtime of its own (the results service's stack). A browser keeps
//! several connections open to a page's host; each is served however many
//! others are idle (tiny_http, used before, could leave a new connection
//! waiting for an idle one to close: a reload then hung for 30 s).

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use axum::body::Body;
use axum::http::{header, Method, Request, Response, StatusCode};

use crate::runtime;
use crate::site;
use crate::util::{fmt_duration, Ctx, Result};

/// What to serve, and from where.
pub struct Config {
    /// The address to listen on.
    pub address: String,
    /// The port.
    pub port: u16,
    /// The public URL the site is served under (`/`, `/news/explainer/`).
    pub root: String,
    /// The content folder watched.
    pub content: PathBuf,
    /// The site folder served.
    pub dist: PathBuf,
}

/// Builds and serves until stopped.
pub fn serve(ctx: &Ctx, config: &Config) -> Result {
    let built = runtime::build(ctx, &config.root, false)?;
    rebuild_site(ctx, config, &built.dir)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind((
            config.address.as_str(),
            config.port,
        )))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.address, config.port))?;
    let dist = config.dist.clone();
    let root = config.root.clone();
    let app = axum::Router::new().fallback(move |request: Request<Body>| {
        let (dist, root) = (dist.clone(), root.clone());
        async move {
            tokio::task::spawn_blocking(move || respond(&request, &dist, &root))
                .await
                .unwrap_or_else(|_| {
                    plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error\n")
                })
        }
    });
    thread::spawn(move || {
        if let Err(e) = runtime.block_on(async { axum::serve(listener, app).await }) {
            eprintln!("serve: the server stopped: {e}");
        }
    });
    println!(
        "serve: http://{}:{}{} (the default story; each story at <slug>/). \
         Edit a story or the code and reload. Ctrl-C stops.",
        config.address, config.port, config.root
    );
    watch(ctx, config, built.dir)
}

/// Validates and renders every story, problems shown in their pages.
fn rebuild_site(ctx: &Ctx, config: &Config, runtime_dir: &Path) -> Result {
    let stories = site::load(&config.content, &site::locales_dir(&ctx.root), &ctx.root)?;
    // Served here, the site's origin is this server's: its link previews
    // and oEmbed responses can be tried locally.
    let origin = format!("http://{}:{}", config.address, config.port);
    let site = site::Site {
        root: config.root.clone(),
        name: format!("{}:{}", config.address, config.port),
        origin: Some(origin),
    };
    let written = site::write(&config.dist, runtime_dir, &site, &stories, true)?;
    site::print(&written, &stories);
    for (slug, _) in &written.pages {
        println!(
            "  http://{}:{}{}{slug}/",
            config.address, config.port, config.root
        );
    }
    Ok(())
}

/// The newest modification time among `files`, and how many there are
/// (so a removed file counts as a change too).
fn newest(files: &[PathBuf]) -> (Option<SystemTime>, usize) {
    let newest = files
        .iter()
        .filter_map(|f| fs::metadata(f).and_then(|m| m.modified()).ok())
        .max();
    (newest, files.len())
}

/// Every file under `dir` (a story's pictures), into `out`.
fn files_under(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for path in fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
    {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn watch(ctx: &Ctx, config: &Config, mut runtime_dir: PathBuf) -> Result {
    // The stories, their pictures and the locales they are written with.
    let stories = || {
        let mut files = site::story_files(&config.content).unwrap_or_default();
        if let Ok(entries) = fs::read_dir(&config.content) {
            for dir in entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
                files_under(&dir, &mut files);
            }
        }
        if let Ok(entries) = fs::read_dir(site::locales_dir(&ctx.root)) {
            files.extend(entries.flatten().map(|e| e.path()));
        }
        files
    };
    let mut seen_content = newest(&stories());
    let mut seen_code = newest(&runtime::inputs(ctx));
    let mut last_code_check = Instant::now();
    loop {
        thread::sleep(Duration::from_millis(200));
        let now_content = newest(&stories());
        if now_content != seen_content {
            seen_content = now_content;
            let started = Instant::now();
            println!("\nserve: a story changed; rendering the site again");
            match rebuild_site(ctx, config, &runtime_dir) {
                Ok(()) => println!("serve: ready in {}", fmt_duration(started.elapsed())),
                Err(e) => eprintln!("serve: error: {e}"),
            }
        }
        if last_code_check.elapsed() >= Duration::from_secs(1) {
            last_code_check = Instant::now();
            let now_code = newest(&runtime::inputs(ctx));
            if now_code != seen_code {
                seen_code = now_code;
                println!("\nserve: the code or styles changed; building the runtime");
                match runtime::build(ctx, &config.root, false) {
                    Ok(built) => {
                        runtime_dir = built.dir;
                        if let Err(e) = rebuild_site(ctx, config, &runtime_dir) {
                            eprintln!("serve: error: {e}");
                        }
                    }
                    Err(e) => eprintln!(
                        "serve: the runtime did not build ({e}); still serving the last good site"
                    ),
                }
            }
        }
    }
}

/// The file a request path names under `dist` (the site at `root`), or
/// where to redirect (a folder asked for without its `/`).
pub enum Found {
    /// Serve this file.
    File(PathBuf),
    /// Redirect here.
    Redirect(String),
    /// Nothing there.
    Missing,
}

/// Maps a request's path (no query) to a file of the site.
pub fn resolve(dist: &Path, root: &str, path: &str) -> Found {
    if format!("{path}/") == root {
        return Found::Redirect(root.to_owned());
    }
    let Some(rest) = path.strip_prefix(root) else {
        return Found::Missing;
    };
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let safe = segments.iter().all(|s| {
        *s != ".." && *s != "." && !s.contains('\\') && !s.contains('\0') && !s.starts_with('.')
    });
    if !safe {
        return Found::Missing;
    }
    let mut file = dist.to_path_buf();
    file.extend(&segments);
    if file.is_dir() {
        if !path.ends_with('/') {
            return Found::Redirect(format!("{path}/"));
        }
        file.push("index.html");
    }
    if file.is_file() {
        Found::File(file)
    } else {
        Found::Missing
    }
}

/// The `Content-Type` for a file.
pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A plain-text response.
fn plain(status: StatusCode, text: &'static str) -> Response<Body> {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// The answer to one request (files are read while no site is swapped in).
fn respond(request: &Request<Body>, dist: &Path, root: &str) -> Response<Body> {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed\n");
    }
    let path = request.uri().path();
    let found = {
        let _held = site::SWAP.read().unwrap_or_else(|e| e.into_inner());
        match resolve(dist, root, path) {
            Found::File(file) => fs::read(&file).map(|bytes| (file, bytes)).map_err(|_| None),
            Found::Redirect(to) => Err(Some(to)),
            Found::Missing => Err(None),
        }
    };
    match found {
        Ok((file, bytes)) => {
            let mut response = Response::new(Body::from(bytes));
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static(mime(&file)),
            );
            headers.insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-cache"),
            );
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                header::HeaderValue::from_static("nosniff"),
            );
            // As static hosts such as GitHub Pages do: a sandboxed frame
            // (WordPress's embeds) has an opaque origin, and loads the
            // runtime's module and wasm only with this.
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                header::HeaderValue::from_static("*"),
            );
            response
        }
        Err(Some(to)) => {
            let mut response = plain(StatusCode::MOVED_PERMANENTLY, "Moved Permanently\n");
            if let Ok(location) = header::HeaderValue::from_str(&to) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Err(None) => plain(StatusCode::NOT_FOUND, "Not Found\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_the_site_and_nowhere_else() {
        let dist = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(dist.join("a-story")).unwrap();
        fs::write(dist.join("index.html"), "root").unwrap();
        fs::write(dist.join("a-story/index.html"), "story").unwrap();
        fs::write(dist.join("app.wasm"), "w").unwrap();
        let file = |root: &str, path: &str| match resolve(&dist, root, path) {
            Found::File(f) => f
                .strip_prefix(&dist)
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            Found::Redirect(to) => format!("-> {to}"),
            Found::Missing => "missing".to_owned(),
        };
        assert_eq!(file("/", "/"), "index.html");
        assert_eq!(file("/", "/a-story/"), "a-story/index.html");
        assert_eq!(file("/", "/a-story"), "-> /a-story/");
        assert_eq!(file("/", "/app.wasm"), "app.wasm");
        assert_eq!(file("/", "/../etc/passwd"), "missing");
        assert_eq!(file("/", "/nope/"), "missing");
        assert_eq!(file("/news/", "/news"), "-> /news/");
        assert_eq!(file("/news/", "/news/a-story/"), "a-story/index.html");
        assert_eq!(file("/news/", "/a-story/"), "missing");
        assert_eq!(mime(Path::new("x.wasm")), "application/wasm");
        assert_eq!(mime(Path::new("a-400.webp")), "image/webp");
        assert_eq!(mime(Path::new("a-400.jpg")), "image/jpeg");
        fs::remove_dir_all(&dist).unwrap();
    }
}
