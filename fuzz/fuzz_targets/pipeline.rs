//! Arbitrary bytes through load → parse → dedupe → annotate → assemble: the input is cut at
//! each `\0\0` into up to four files (two Markdown, one plain text, and a sidecar `.yaml` for
//! the last Markdown file), written to a seeds folder and built. Any panic is a bug; bad input
//! must come back as diagnostics.
#![no_main]

use std::path::PathBuf;

use briefing::build::{self, BuildOptions};
use briefing::config::BaseUrl;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 4] = ["a.md", "b.txt", "c.md", "c.yaml"];

fuzz_target!(|data: &[u8]| {
    let memory = PathBuf::from("/dev/shm");
    let dir = if memory.is_dir() {
        tempfile::tempdir_in(memory)
    } else {
        tempfile::tempdir()
    }
    .expect("temporary folder");
    let seeds = dir.path().join("seeds");
    std::fs::create_dir(&seeds).expect("seeds folder");
    for (name, part) in NAMES.iter().zip(data.cut_at_double_nul()) {
        std::fs::write(seeds.join(name), part).expect("write seed");
    }
    let options = BuildOptions {
        seeds,
        output: dir.path().join("site"),
        templates: None,
        base_url: BaseUrl::default(),
        title: None,
        description: None,
        strict: false,
        drafts: false,
        registry: Vec::new(),
    };
    let _ = build::briefing(&options);
});

/// Splitting at `\0\0`.
trait CutAtDoubleNul {
    fn cut_at_double_nul(&self) -> Vec<&[u8]>;
}

impl CutAtDoubleNul for [u8] {
    fn cut_at_double_nul(&self) -> Vec<&[u8]> {
        let mut parts = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i + 1 < self.len() {
            if self[i] == 0 && self[i + 1] == 0 {
                parts.push(&self[start..i]);
                i += 2;
                start = i;
            } else {
                i += 1;
            }
        }
        parts.push(&self[start..]);
        parts
    }
}
