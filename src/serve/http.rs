//! The HTTP side of `briefing serve`: the site under its base path, the live-reload script
//! and the stream of build states that open pages follow.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tokio::sync::watch;
use tokio_stream::{Stream, StreamExt, wrappers::WatchStream};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_status::SetStatus;

use super::BuildState;

/// The live-reload client, served at `<base>__briefing/livereload.js`.
const LIVE_RELOAD: &str = include_str!("livereload.js");

/// Where the server's own files live under the base path; no page of a site is there.
const OWN: &str = "__briefing/";

#[derive(Clone)]
struct App {
    site: PathBuf,
    /// The site's files, with its 404 page for what is missing.
    files: ServeDir<SetStatus<ServeFile>>,
    base: String,
    state: Arc<watch::Sender<BuildState>>,
}

/// The routes: the server's own files under `<base>__briefing/`, the site under `<base>`.
pub fn router(site: PathBuf, base: String, state: Arc<watch::Sender<BuildState>>) -> Router {
    let files = ServeDir::new(&site).not_found_service(ServeFile::new(site.join("404.html")));
    let app = App {
        site,
        files,
        base,
        state,
    };
    Router::new()
        .route(&format!("{}{OWN}livereload.js", app.base), get(script))
        .route(&format!("{}{OWN}events", app.base), get(events))
        .fallback(serve_file)
        .with_state(app)
}

async fn script() -> Response {
    let mut response = LIVE_RELOAD.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    no_store(response)
}

/// Server-sent events: the current build state at once, then each change.
async fn events(State(app): State<App>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = WatchStream::new(app.state.subscribe()).map(|state| {
        let data = serde_json::json!({ "generation": state.generation, "error": state.error });
        Ok(Event::default().event("build").data(data.to_string()))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// A file of the site, as a static host would serve it under the base path.
async fn serve_file(State(app): State<App>, request: Request) -> Response {
    let uri = request.uri().clone();
    let path = uri.path();
    let Some(rest) = path.strip_prefix(&app.base) else {
        if app.base != "/" && (path == "/" || path == app.base.trim_end_matches('/')) {
            return Redirect::temporary(&app.base).into_response();
        }
        return outside_base(&app.base);
    };
    let state = app.state.borrow().clone();
    if !app.site.join("index.html").is_file() {
        return inject(failed_first_build(&state), &app.base, state.generation).await;
    }
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    if !rest.is_empty() && !rest.ends_with('/') && is_dir(&app.site, rest) {
        return Redirect::permanent(&format!("{path}/{query}")).into_response();
    }
    let inner = match format!("/{rest}{query}").parse::<Uri>() {
        Ok(inner) => inner,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let (mut parts, body) = request.into_parts();
    parts.uri = inner;
    let response = match app.files.oneshot(Request::from_parts(parts, body)).await {
        Ok(response) => response.map(Body::new),
        Err(infallible) => match infallible {},
    };
    inject(response, &app.base, state.generation).await
}

/// Whether `rest`, a path under the base, names a folder of the site.
fn is_dir(site: &Path, rest: &str) -> bool {
    let Ok(decoded) = percent_encoding::percent_decode_str(rest).decode_utf8() else {
        return false;
    };
    if decoded
        .split('/')
        .any(|part| part == ".." || part.contains('\\'))
    {
        return false;
    }
    site.join(decoded.as_ref()).is_dir()
}

/// Adds the live-reload script to an HTML response, and keeps every response out of caches
/// so that a reload shows the new build.
async fn inject(response: Response, base: &str, generation: u64) -> Response {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !html {
        return no_store(response);
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = format!(
        "<script src=\"{base}{OWN}livereload.js\" data-generation=\"{generation}\"></script>"
    );
    let text = String::from_utf8_lossy(&bytes);
    let page = match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]),
        None => format!("{text}{tag}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    no_store(Response::from_parts(parts, Body::from(page)))
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A request outside the base path: what GitHub Pages would answer for a project site.
fn outside_base(base: &str) -> Response {
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>\
         </head><body><main><h1>Not found</h1><p>This address is outside the site, which is \
         served under <a href=\"{base}\">{base}</a>.</p></main></body></html>"
    );
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// The page every address shows while no build has succeeded yet.
fn failed_first_build(state: &BuildState) -> Response {
    let error = state.error.as_deref().unwrap_or("The site is being built.");
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title>\
         </head><body><main><h1>The briefing could not be built</h1><pre>{}</pre><p>Fix the \
         file named above and save it: this page reloads when the build succeeds.</p></main>\
         </body></html>",
        {
            let mut escaped = String::new();
            crate::render::inline::escape(error, &mut escaped);
            escaped
        }
    );
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}
