//! `dyad serve`: the store as a plain web application and a JSON API.
//!
//! - `/api/v1/…`: JSON, documented by the committed OpenAPI file
//!   (`openapi.json`, served at `/api/v1/openapi.json`).
//! - `/`, `/events/{id}`, `/actors/{code}`, `/network`, `/conflicts`,
//!   `/documents/{id}`, `/search`: server-rendered HTML; the CSS ships inside the
//!   binary and no page needs JavaScript or anything from the internet.
//!
//! Report text is untrusted: every string that reaches HTML goes through
//! [`html::esc`], and JSON is written by serde.
//!
//! The store is synchronous, so requests borrow one of a few store connections
//! ([`Pool`]) on tokio's blocking threads; SQLite in WAL mode lets the readers
//! run side by side.
//!
//! This crate knows the store and the shapes it holds, never how reports are
//! read or coded.

mod api;
mod html;
pub mod loadgen;
mod network;
mod pages;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dyad_store::{Store, StoreError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The OpenAPI document, committed beside the crate and checked by the
/// contract tests against what the server answers.
pub const OPENAPI: &str = include_str!("../openapi.json");
const STYLE: &str = include_str!("../assets/style.css");

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("a store worker stopped: {0}")]
    Worker(String),
}

impl ServeError {
    fn status(&self) -> StatusCode {
        match self {
            ServeError::NotFound(_) => StatusCode::NOT_FOUND,
            ServeError::BadRequest(_) => StatusCode::BAD_REQUEST,
            // A filter the store rejects (a malformed date) is the caller's mistake.
            ServeError::Store(StoreError::Schema(m)) if m.contains("not an ISO date") => {
                StatusCode::BAD_REQUEST
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A few store connections, each used by one request at a time.
pub struct Pool {
    stores: Vec<Mutex<Store>>,
    next: AtomicUsize,
}

impl Pool {
    /// Opens `size` connections to the store a `--db` value names (one for an
    /// in-memory SQLite store, whose connections would each see an empty store).
    pub fn open(db: &str, size: usize) -> Result<Pool, StoreError> {
        let size = if db.ends_with(":memory:") {
            1
        } else {
            size.max(1)
        };
        let stores = (0..size)
            .map(|_| Store::open(db).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pool {
            stores,
            next: AtomicUsize::new(0),
        })
    }

    /// Runs `f` on a free connection, waiting for one if all are busy.
    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> T) -> T {
        let n = self.stores.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(mut s) = self.stores[(start + i) % n].try_lock() {
                return f(&mut s);
            }
        }
        // All busy: queue on one. A panic in another request poisons only the
        // lock, not the connection, so the store is still usable.
        let mut s = self.stores[start % n]
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        f(&mut s)
    }
}

/// What every handler shares.
pub struct App {
    pub pool: Pool,
}

impl App {
    pub fn open(db: &str, connections: usize) -> Result<Arc<App>, StoreError> {
        Ok(Arc::new(App {
            pool: Pool::open(db, connections)?,
        }))
    }

    /// Runs a store query on a blocking thread.
    async fn query<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, ServeError> + Send + 'static,
    ) -> Result<T, ServeError> {
        let app = Arc::clone(self);
        tokio::task::spawn_blocking(move || app.pool.with(f))
            .await
            .map_err(|e| ServeError::Worker(e.to_string()))?
    }
}

/// Every route: the JSON API under `/api/v1` and the HTML pages.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/stats", get(api::stats))
        .route("/api/v1/events", get(api::events))
        .route("/api/v1/events/{id}", get(api::event))
        .route("/api/v1/documents/{id}", get(api::document))
        .route("/api/v1/actors", get(api::actors))
        .route("/api/v1/actors/{code}", get(api::actor))
        .route("/api/v1/conflicts", get(api::conflicts))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/export", get(api::export))
        .route("/", get(pages::timeline))
        .route("/events/{id}", get(pages::event))
        .route("/documents/{id}", get(pages::document))
        .route("/actors/{code}", get(pages::actor))
        .route("/network", get(pages::network))
        .route("/conflicts", get(pages::conflicts))
        .route("/search", get(pages::search))
        .route("/static/style.css", get(style))
        .fallback(pages::not_found)
        .with_state(app)
}

/// Serves until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await
}

async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response()
}

async fn style() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        STYLE,
    )
        .into_response()
}
