//! `briefing serve` over plain HTTP: the base path, the live-reload script that only served
//! pages carry, and the errors a user meets first. (Reloading in a browser is tested in
//! tests/browser/.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::Project;

struct Served {
    child: Child,
    address: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        // Terminate rather than kill, so that the server removes its temporary folder.
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        #[cfg(not(unix))]
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `briefing serve --port 0 ARGS` in `project` and waits for its address.
fn serve(project: &Project, args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["serve", "--port", "0"])
        .args(args)
        .current_dir(project.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run briefing serve");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Serving http://") {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    Served { child, address }
}

/// GET `path`: the status code, the headers and the body.
fn get(address: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_ascii_lowercase(), body.to_string())
}

fn project() -> Project {
    let project = Project::new();
    project.seed(
        "note.md",
        "---\ntitle: A note\n---\n\nMayor Ilse Varga spoke in Rostock.\n",
    );
    project
}

#[test]
fn the_site_is_served_under_the_base_path_with_live_reload() {
    let project = project();
    let served = serve(&project, &["--base-path", "/brief/"]);
    let (status, head, body) = get(&served.address, "/brief/");
    assert_eq!(status, 200);
    assert!(head.contains("cache-control: no-store"), "{head}");
    assert!(
        body.contains("<script src=\"/brief/__briefing/livereload.js\""),
        "{body}"
    );
    let (status, head, _) = get(&served.address, "/brief/sources");
    assert_eq!(status, 308);
    assert!(head.contains("location: /brief/sources/"), "{head}");
    let (status, _, body) = get(&served.address, "/brief/__briefing/livereload.js");
    assert_eq!(status, 200);
    assert!(body.contains("EventSource"));
    // The root leads to the site; other paths are outside it, as on GitHub Pages.
    let (status, head, _) = get(&served.address, "/");
    assert_eq!(status, 307);
    assert!(head.contains("location: /brief/"), "{head}");
    assert_eq!(get(&served.address, "/elsewhere/index.html").0, 404);
    // A missing page gets the site's own 404 page.
    let (status, _, body) = get(&served.address, "/brief/no/such/page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "{body}");
    // The served folder is not the output folder: nothing is written to site/.
    assert!(!project.path().join("site").exists());
}

#[test]
fn a_built_site_carries_no_live_reload_script() {
    let project = project();
    project.build_ok(&[]);
    assert!(!project.site().read("index.html").contains("__briefing"));
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let project = project();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = project.run(&["serve", "--port", &port]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("pick another port with --port"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_base_path_is_bad_usage() {
    let run = project().run(&["serve", "--base-path", "/a b/"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not a base path"), "{}", run.stderr);
}
