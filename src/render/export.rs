//! `briefing.json`: the briefing as data, in the shape `SCHEMA.md` fixes (`briefing-export/2`).

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use crate::annotate::time::TimexType;
use crate::assemble::{
    ActorEntry, Briefing, ClaimEntry, EventEntry, Paragraph, RepeatKind, SourceEntry,
};
use crate::dating::DateEvidence;
use crate::load::Published;

/// The schema this export follows.
pub const SCHEMA: &str = "briefing-export/2";

#[derive(Serialize)]
struct Export<'a> {
    schema: &'static str,
    title: &'a str,
    sources: Each<'a, SourceEntry, ExportSource<'a>>,
    actors: Each<'a, ActorEntry, ExportActor<'a>>,
    events: Each<'a, EventEntry, ExportEvent<'a>>,
    claims: Each<'a, ClaimEntry, ExportClaim<'a>>,
}

/// A list whose items are made one at a time as they are written (`None` leaves one out),
/// so that the export never holds a view of the whole briefing.
struct Each<'a, T, U> {
    items: &'a [T],
    make: Box<dyn Fn(&'a T) -> Option<U> + 'a>,
}

impl<'a, T, U> Each<'a, T, U> {
    fn new(items: &'a [T], make: impl Fn(&'a T) -> Option<U> + 'a) -> Self {
        Each {
            items,
            make: Box::new(make),
        }
    }
}

impl<T, U: Serialize> Serialize for Each<'_, T, U> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().filter_map(|item| (self.make)(item)))
    }
}

#[derive(Serialize)]
struct ExportClaim<'a> {
    id: &'a str,
    speaker: Option<&'a str>,
    speaker_text: &'a str,
    cue: &'a str,
    hedged: bool,
    denial: bool,
    text: &'a str,
    paragraph: &'a str,
}

#[derive(Serialize)]
struct ExportSource<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<String>,
    date_inferred: Option<ExportInferredDate>,
    duplicate_of: Option<&'a str>,
    paragraphs: Vec<ExportParagraph<'a>>,
}

#[derive(Serialize)]
struct ExportInferredDate {
    value: String,
    approximate: bool,
    from: DateEvidence,
}

#[derive(Serialize)]
struct ExportParagraph<'a> {
    id: &'a str,
    text: &'a str,
    duplicate_of: Option<&'a str>,
    similarity: Option<f64>,
    repeat: Option<RepeatKind>,
    mentions: Vec<ExportMention<'a>>,
    times: Vec<ExportTime<'a>>,
}

#[derive(Serialize)]
struct ExportTime<'a> {
    text: &'a str,
    #[serde(rename = "type")]
    kind: TimexType,
    value: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ExportEvent<'a> {
    id: &'a str,
    date: Option<&'a str>,
    precision: &'static str,
    approximate: bool,
    summary: &'a str,
    actors: Vec<&'a str>,
    paragraphs: Vec<&'a str>,
    sources: usize,
    status: &'static str,
}

#[derive(Serialize)]
struct ExportMention<'a> {
    actor: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ExportActor<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: usize,
    sources: Vec<&'a str>,
}

/// Writes the export as JSON with a final newline: a line for each paragraph, actor,
/// event and claim (see `Layout`).
pub fn write_json(briefing: &Briefing, out: &mut dyn Write) -> io::Result<()> {
    let export = Export {
        schema: SCHEMA,
        title: &briefing.title,
        sources: Each::new(&briefing.sources, |s| Some(source(briefing, s))),
        actors: Each::new(&briefing.actors, |a| {
            Some(ExportActor {
                id: &a.id,
                name: &a.name,
                kind: a.kind.as_str(),
                aliases: &a.aliases,
                roles: &a.roles,
                mentions: a.mentions,
                sources: a
                    .sources
                    .iter()
                    .map(|&s| briefing.sources[s].id.as_str())
                    .collect(),
            })
        }),
        events: Each::new(&briefing.events, |e| {
            Some(ExportEvent {
                id: &e.id,
                date: e.date.value.as_deref(),
                precision: e.date.precision.as_str(),
                approximate: e.date.approximate,
                summary: &e.summary,
                actors: e
                    .actors
                    .iter()
                    .map(|&a| briefing.actors[a].id.as_str())
                    .collect(),
                paragraphs: e
                    .paragraphs
                    .iter()
                    .filter_map(|at| {
                        Some(
                            briefing
                                .sources
                                .get(at.source)?
                                .paragraphs
                                .get(at.number - 1)?
                                .id
                                .as_str(),
                        )
                    })
                    .collect(),
                sources: e.sources,
                status: e.status.as_str(),
            })
        }),
        claims: Each::new(&briefing.claims, |c| {
            Some(ExportClaim {
                id: &c.id,
                speaker: c.speaker.map(|a| briefing.actors[a].id.as_str()),
                speaker_text: &c.speaker_text,
                cue: &c.cue,
                hedged: c.hedged,
                denial: c.denial,
                text: &c.text,
                paragraph: &briefing
                    .sources
                    .get(c.paragraph.source)?
                    .paragraphs
                    .get(c.paragraph.number - 1)?
                    .id,
            })
        }),
    };
    // Buffered here, so that the many small writes of the serializer are not calls
    // through `dyn Write`.
    let mut out = io::BufWriter::with_capacity(STREAM_BUFFER, out);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layout::default());
    export.serialize(&mut serializer)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The buffer in front of a data file's writer.
pub(crate) const STREAM_BUFFER: usize = 1 << 16;

/// How deep an object or array must be nested to be written on one line: under
/// `sources`, each paragraph (root, sources, source, paragraphs, paragraph); elsewhere
/// each item of the top-level list (root, list, item).
const ONE_LINE_DEPTH: usize = 5;
const ONE_LINE_DEPTH_ELSEWHERE: usize = 3;

/// A JSON layout: two-space indents down to the records, and each record (a paragraph
/// with its mentions and times, an actor, an event, a claim) on one line with no spaces.
/// A large export is then within a few percent of its most compact size, and still
/// reads, greps and diffs a record at a time.
#[derive(Debug, Default)]
struct Layout {
    depth: usize,
    has_value: bool,
    /// Whether a key of the root object is being written, and that key.
    in_root_key: bool,
    section: String,
}

impl Layout {
    fn inline(&self) -> bool {
        let depth = if self.section == "sources" {
            ONE_LINE_DEPTH
        } else {
            ONE_LINE_DEPTH_ELSEWHERE
        };
        self.depth >= depth
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        let inline = self.inline();
        self.depth -= 1;
        if self.has_value && !inline {
            self.newline(writer)?;
        }
        self.has_value = true;
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        match (first, self.inline()) {
            (true, true) => Ok(()),
            (false, true) => writer.write_all(b","),
            (true, false) => self.newline(writer),
            (false, false) => {
                writer.write_all(b",")?;
                self.newline(writer)
            }
        }
    }

    fn newline<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        const INDENT: &[u8] = b"\n                ";
        match INDENT.get(..1 + 2 * self.depth) {
            Some(line) => writer.write_all(line),
            None => {
                writer.write_all(b"\n")?;
                (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if self.depth == 1 {
            self.in_root_key = true;
            self.section.clear();
        }
        self.item(writer, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.in_root_key = false;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_root_key {
            self.section.push_str(fragment);
        }
        writer.write_all(fragment.as_bytes())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(if self.inline() { b":" } else { b": " })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn source<'a>(briefing: &'a Briefing, source: &'a SourceEntry) -> ExportSource<'a> {
    ExportSource {
        id: &source.id,
        path: &source.path,
        title: &source.title,
        outlet: source.meta.outlet.as_deref(),
        url: source.meta.url.as_deref(),
        date: source.date().map(Published::iso_date),
        date_inferred: source.inferred_date.as_ref().map(|d| ExportInferredDate {
            value: d.date.format("%Y-%m-%d").to_string(),
            approximate: true,
            from: d.from,
        }),
        duplicate_of: source
            .copy_of
            .as_ref()
            .and_then(|c| briefing.sources.get(c.source))
            .map(|original| original.id.as_str()),
        paragraphs: source
            .paragraphs
            .iter()
            .map(|p| {
                let canonical = p.repeat_of.as_ref().and_then(|r| {
                    let target = briefing
                        .sources
                        .get(r.of.source)?
                        .paragraphs
                        .get(r.of.number - 1)?;
                    let similarity = (r.similarity * 1000.0).round() / 1000.0;
                    Some((target.id.as_str(), similarity, r.kind))
                });
                ExportParagraph {
                    id: &p.id,
                    text: &p.text,
                    duplicate_of: canonical.map(|(id, ..)| id),
                    similarity: canonical.map(|(_, s, _)| s),
                    repeat: canonical.map(|(.., kind)| kind),
                    mentions: mentions(briefing, p),
                    times: times(p),
                }
            })
            .collect(),
    }
}

/// Byte offsets into a text turned into character offsets (Unicode scalar values), as
/// the schema counts them. Offsets come mostly in text order: counting goes on from the
/// last one (from the start when one goes back).
struct CharOffsets<'a> {
    text: &'a str,
    chars: usize,
    counted: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            chars: 0,
            counted: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.counted {
            (self.chars, self.counted) = (0, 0);
        }
        self.chars += self.text[self.counted..byte].chars().count();
        self.counted = byte;
        self.chars
    }
}

/// A paragraph's time expressions with character offsets.
fn times(p: &Paragraph) -> Vec<ExportTime<'_>> {
    let mut offsets = CharOffsets::new(&p.text);
    p.times
        .iter()
        .map(|t| ExportTime {
            text: &p.text[t.start..t.end],
            kind: t.kind,
            value: t.value.as_deref(),
            start: offsets.at(t.start),
            end: offsets.at(t.end),
        })
        .collect()
}

/// A paragraph's mentions with character offsets.
fn mentions<'a>(briefing: &'a Briefing, p: &'a Paragraph) -> Vec<ExportMention<'a>> {
    let mut offsets = CharOffsets::new(&p.text);
    p.mentions
        .iter()
        .map(|m| {
            let start = offsets.at(m.start);
            let end = offsets.at(m.end);
            ExportMention {
                actor: &briefing.actors[m.actor].id,
                text: &p.text[m.start..m.end],
                start,
                end,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_puts_each_record_on_one_line() {
        let value = serde_json::json!({
            "sources": [{"id": "s", "paragraphs": [{"c": [{"d": [1, 2]}, {"e": "f"}]}, {"g": null}]}],
            "events": [{"id": "e1", "actors": ["a", "b"]}, {"id": "e2", "actors": []}],
            "empty": [],
            "none": {}
        });
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layout::default());
        value.serialize(&mut serializer).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
        // (json! sorts the keys.)
        let expected = "{\n  \"empty\": [],\n  \"events\": [\n    {\"actors\":[\"a\",\"b\"],\"id\":\"e1\"},\n    {\"actors\":[],\"id\":\"e2\"}\n  ],\n  \"none\": {},\n  \"sources\": [\n    {\n      \"id\": \"s\",\n      \"paragraphs\": [\n        {\"c\":[{\"d\":[1,2]},{\"e\":\"f\"}]},\n        {\"g\":null}\n      ]\n    }\n  ]\n}";
        assert_eq!(text, expected);
    }
}
