//! End-to-end tests: small seed folders built by the `briefing` binary, with assertions on
//! `briefing.json`, on the pages, and on what the command prints.

mod common;

mod actors;
mod claims;
mod cli;
mod dating;
mod dedupe;
mod export;
mod feed;
mod happenings;
mod hostile;
mod input;
mod links;
mod metadata;
mod output;
mod pages;
mod pdf;
mod rewrites;
mod search;
mod serve;
mod timeline;
