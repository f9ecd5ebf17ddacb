//! The explainer's optional results service: readers' poll answers in,
//! tallies out, for the stories of a built site.
//!
//! - [`site`]: what the service knows of each story's poll, read from the
//!   built site's `stories.json`.
//! - [`answers`]: a request body checked against that poll with the
//!   explainer's own storage format and rules.
//! - [`store`]: the database (SQLite in WAL mode by default, PostgreSQL
//!   through the same code), migrated on start.
//! - [`api`]: the HTTP API, CORS for the configured origins.
//! - [`serve`]: all of it behind a per-address rate limit, with the purge
//!   of answers older than the retention period.

pub mod answers;
pub mod api;
pub mod error;
pub mod site;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderValue;
use axum::response::IntoResponse;
use axum::Router;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::{KeyExtractor, PeerIpKeyExtractor, SmartIpKeyExtractor};
use tower_governor::{GovernorError, GovernorLayer};

use crate::api::Service;
use crate::error::Refusal;
use crate::site::Site;
use crate::store::Store;

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The built site (`dist/`): its stories and their polls.
    pub site: PathBuf,
    /// `sqlite://path/results.db` or `postgres://user@host/db`.
    pub database: String,
    /// Where to listen.
    pub listen: SocketAddr,
    /// Origins of the pages allowed to call the API (`https://news.example`).
    pub origins: Vec<String>,
    /// The export's bearer token; none: the export is off.
    pub export_token: Option<String>,
    /// Requests per address per minute (sustained) and the burst allowed.
    pub rate_per_minute: u32,
    /// Requests an address may send at once before the rate applies.
    pub burst: u32,
    /// Take the client's address from `X-Forwarded-For`, `X-Real-IP` or
    /// `Forwarded` (only behind a proxy that sets them).
    pub behind_proxy: bool,
    /// Days a reader's answers are kept after their last save.
    pub keep_days: u32,
}

/// Opens the database and serves until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> Result<(), String> {
    start(config, signals()).await?.run().await
}

/// A service bound to its address, not yet serving.
pub struct Server {
    /// The address it listens on (port 0 in the config picks a free one).
    pub addr: SocketAddr,
    run: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>,
}

impl Server {
    /// Serves until the shutdown future given to [`start`] completes.
    pub async fn run(self) -> Result<(), String> {
        self.run.await
    }
}

/// Checks the config, reads the site, opens and migrates the database and
/// binds the address; [`Server::run`] then serves until `shutdown`.
pub async fn start(
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<Server, String> {
    let origins = config
        .origins
        .iter()
        .map(|o| {
            let o = o.trim_end_matches('/');
            if !(o.starts_with("http://") || o.starts_with("https://"))
                || o.matches('/').count() != 2
            {
                return Err(format!(
                    "allowed origin `{o}` is not an origin (scheme://host[:port], no path)"
                ));
            }
            HeaderValue::from_str(o)
                .map_err(|_| format!("allowed origin `{o}` is not a header value"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let site = Site::read(&config.site)?;
    let store = Store::open(&config.database).await?;
    let keep = Duration::from_secs(u64::from(config.keep_days) * 86_400);
    {
        let store = store.clone();
        tokio::spawn(async move {
            loop {
                match store.purge(keep).await {
                    Ok(0) => {}
                    Ok(n) => eprintln!("explainer-results: purged the answers of {n} readers past the retention period"),
                    Err(e) => eprintln!("explainer-results: purge failed: {e}"),
                }
                tokio::time::sleep(Duration::from_secs(3600)).await;
            }
        });
    }
    let stories: Vec<String> = site.stories().map(str::to_owned).collect();
    let service = Arc::new(Service::new(
        site,
        store.clone(),
        config.export_token.clone().filter(|t| !t.is_empty()),
    ));
    reload_on_hangup(service.clone(), config.site.clone());
    let app = api::router(service, &origins);
    let app = if config.behind_proxy {
        limited(app, SmartIpKeyExtractor, &config)?
    } else {
        limited(app, PeerIpKeyExtractor, &config)?
    };
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!(
        "explainer-results: http://{addr}/v1/ ({} stories: {}; database {}; origins: {})",
        stories.len(),
        stories.join(", "),
        store::redact(&config.database),
        if config.origins.is_empty() {
            "none".to_owned()
        } else {
            config.origins.join(", ")
        }
    );
    let run = async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| e.to_string())?;
        store.close().await;
        Ok(())
    };
    Ok(Server {
        addr,
        run: Box::pin(run),
    })
}

/// `app` behind a per-address rate limit. Addresses live only in the
/// limiter's memory, for as long as it needs them; none is stored.
fn limited<K>(app: Router, key: K, config: &Config) -> Result<Router, String>
where
    K: KeyExtractor + Send + Sync + 'static,
    K::Key: Send + Sync,
{
    let period = 60_000 / u64::from(config.rate_per_minute.max(1));
    let limit = Arc::new(
        GovernorConfigBuilder::default()
            .per_millisecond(period.max(1))
            .burst_size(config.burst.max(1))
            .key_extractor(key)
            .finish()
            .ok_or("the rate limit needs a rate and a burst above zero")?,
    );
    let limiter = limit.limiter().clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            limiter.retain_recent();
        }
    });
    Ok(app.layer(GovernorLayer::new(limit).error_handler(|e| {
        let (wait, message) = match e {
            GovernorError::TooManyRequests { wait_time, .. } => (
                wait_time,
                format!("Too many requests from this address; try again in {wait_time} s."),
            ),
            _ => (1, "Cannot tell where this request comes from.".to_owned()),
        };
        let mut r = Refusal::new(
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            message,
        )
        .into_response();
        if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
            r.headers_mut().insert("retry-after", v);
        }
        r
    })))
}

/// On `SIGHUP`, reads the site again (a story published, changed or taken
/// down) without a restart; requests under way finish with the site they
/// started with. A site that cannot be read is reported and the stories
/// the service had are kept.
fn reload_on_hangup(service: Arc<Service>, dir: PathBuf) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hangups) = signal(SignalKind::hangup()) else {
        eprintln!("explainer-results: cannot listen for SIGHUP; restart to read the site again");
        return;
    };
    tokio::spawn(async move {
        while hangups.recv().await.is_some() {
            let read = {
                let dir = dir.clone();
                tokio::task::spawn_blocking(move || Site::read(&dir)).await
            };
            match read {
                Ok(Ok(site)) => {
                    let stories: Vec<&str> = site.stories().collect();
                    eprintln!(
                        "explainer-results: site read again ({} stories: {})",
                        stories.len(),
                        stories.join(", ")
                    );
                    service.replace_site(site);
                }
                Ok(Err(e)) => eprintln!(
                    "explainer-results: SIGHUP: cannot read the site ({e}); keeping the stories it had"
                ),
                Err(e) => eprintln!("explainer-results: SIGHUP: {e}"),
            }
        }
    });
}

async fn signals() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
