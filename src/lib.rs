//! `briefing` turns a folder of source documents (articles, transcripts, readouts, notes)
//! into a static website that briefs a reader on a story, with every statement traceable to
//! its source.
//!
//! The pipeline runs one way, each stage a module with a typed output that the next takes:
//!
//! ```text
//! load      seeds/                 -> Vec<Source>     (metadata, text, diagnostics)
//! parse     Source                 -> Document        (blocks: paragraphs, headings, lists…)
//! dedupe    all documents          -> Clusters        (what repeats what, and the original)
//! assemble  documents + clusters   -> Briefing        (the whole briefing as plain data)
//! render    Briefing + templates   -> site/           (HTML, briefing.json, sitemap)
//! ```
//!
//! [`build::build`] runs it end to end.

pub mod annotate;
pub mod assemble;
pub mod build;
pub mod calendar;
pub mod config;
pub mod dating;
pub mod dedupe;
pub mod diagnostic;
pub mod load;
pub mod parse;
pub mod render;
pub mod sentence;
pub mod serve;
pub mod slug;
