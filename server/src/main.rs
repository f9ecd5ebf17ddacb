//! `explainer-results`: the poll's results service (`cargo xtask results`
//! starts it for a built site). Every option also reads an environment
//! variable, for deployments.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// The explainer's results service: readers' poll answers in, tallies out.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// The built site (cargo xtask build's dist/): its stories and polls.
    #[arg(long, env = "RESULTS_SITE", default_value = "dist")]
    site: PathBuf,
    /// sqlite://path/results.db (created on start) or postgres://user@host/db.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://results.db")]
    database: String,
    /// The address to listen on.
    #[arg(long, env = "RESULTS_ADDRESS", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    address: IpAddr,
    /// The port to listen on.
    #[arg(long, env = "RESULTS_PORT", default_value_t = 8787)]
    port: u16,
    /// An origin whose pages may call the API (repeat, or comma-separated).
    #[arg(
        long = "allow-origin",
        env = "RESULTS_ALLOW_ORIGINS",
        value_delimiter = ','
    )]
    origins: Vec<String>,
    /// The bearer token for GET /v1/polls/<story>/export.csv (none: export off).
    #[arg(long, env = "RESULTS_EXPORT_TOKEN", hide_env_values = true)]
    export_token: Option<String>,
    /// Requests per client address per minute, sustained.
    #[arg(long, env = "RESULTS_RATE_PER_MINUTE", default_value_t = 60)]
    rate_per_minute: u32,
    /// Requests a client address may send at once.
    #[arg(long, env = "RESULTS_BURST", default_value_t = 20)]
    burst: u32,
    /// Behind a proxy: the client's address is read from X-Forwarded-For,
    /// X-Real-IP or Forwarded (never expose the service directly then).
    #[arg(long, env = "RESULTS_BEHIND_PROXY")]
    behind_proxy: bool,
    /// Days a reader's answers are kept after their last save.
    #[arg(long, env = "RESULTS_KEEP_DAYS", default_value_t = 365)]
    keep_days: u32,
}

#[tokio::main]
async fn main() -> ExitCode {
    let a = Args::parse();
    let config = explainer_results::Config {
        site: a.site,
        database: a.database,
        listen: SocketAddr::new(a.address, a.port),
        origins: a.origins.into_iter().filter(|o| !o.is_empty()).collect(),
        export_token: a.export_token,
        rate_per_minute: a.rate_per_minute,
        burst: a.burst,
        behind_proxy: a.behind_proxy,
        keep_days: a.keep_days,
    };
    match explainer_results::serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("explainer-results: error: {e}");
            ExitCode::FAILURE
        }
    }
}
