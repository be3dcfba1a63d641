//! Source metadata: the keys of YAML front matter or of a sidecar `.yaml` file.
//!
//! Known keys are checked for their type and any mistake is reported at the key's line.
//! Unknown keys are kept as they were written, to be shown on the source's page.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use serde_yaml::Value;

use crate::diagnostic::Position;

/// What a source says about itself. Every field is optional: a bare text file has none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Publication or organisation that published it (`outlet`, or its alias `source`).
    pub outlet: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// When it was published.
    pub date: Option<Published>,
    /// Who wrote it.
    pub authors: Option<Vec<String>>,
    /// Language code such as `en`.
    pub language: Option<String>,
    /// Free labels.
    pub tags: Option<Vec<String>>,
    /// A draft is left out of the build unless drafts are asked for.
    pub draft: Option<bool>,
    /// Keys this tool does not know, in the order written, with their values as text.
    pub extra: Vec<(String, String)>,
    /// Where the fields that no front matter or sidecar gave were found, as (field, place):
    /// `("date", "JSON-LD datePublished")` for a saved page.
    pub found: Vec<(&'static str, &'static str)>,
}

impl Metadata {
    /// Fills every field that `self` lacks from `fallback` (front matter over sidecar).
    pub fn or(mut self, fallback: Metadata) -> Metadata {
        let mut extra = std::mem::take(&mut self.extra);
        for (key, value) in fallback.extra {
            if !extra.iter().any(|(k, _)| *k == key) {
                extra.push((key, value));
            }
        }
        // A field's place comes with its value: the fallback's only where it fills a gap.
        let mut found = std::mem::take(&mut self.found);
        for (field, place) in fallback.found {
            if !self.has(field) {
                found.push((field, place));
            }
        }
        Metadata {
            title: self.title.or(fallback.title),
            outlet: self.outlet.or(fallback.outlet),
            url: self.url.or(fallback.url),
            date: self.date.or(fallback.date),
            authors: self.authors.or(fallback.authors),
            language: self.language.or(fallback.language),
            tags: self.tags.or(fallback.tags),
            draft: self.draft.or(fallback.draft),
            extra,
            found,
        }
    }

    /// Whether the field named `field` (as in `found`) has a value.
    fn has(&self, field: &str) -> bool {
        match field {
            "title" => self.title.is_some(),
            "outlet" => self.outlet.is_some(),
            "url" => self.url.is_some(),
            "date" => self.date.is_some(),
            "authors" => self.authors.is_some(),
            "language" => self.language.is_some(),
            _ => false,
        }
    }

    /// Where the field named `field` was found, when not in front matter or a sidecar.
    pub fn found_in(&self, field: &str) -> Option<&'static str> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, place)| *place)
    }
}

/// A publication date, with the time of day when the source gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The calendar date as written (local to the source).
    pub date: NaiveDate,
    /// The time of day as written, when given.
    pub time: Option<NaiveTime>,
}

impl Published {
    /// Reads an ISO 8601 date (`2025-11-23`) or date-time (`2025-11-23T10:30:00Z`,
    /// `2025-11-23 10:30`).
    pub fn parse(text: &str) -> Option<Published> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(Published { date, time: None });
        }
        if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
            return Some(Published {
                date: moment.date_naive(),
                time: Some(moment.time()),
            });
        }
        [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(|moment| Published {
            date: moment.date(),
            time: Some(moment.time()),
        })
    }

    /// The date as `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }
}

/// A mistake in metadata, at a position inside the YAML text given to [`parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError {
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
    /// Where, relative to the start of the YAML text.
    pub position: Position,
}

/// Reads the metadata keys of `yaml`, a YAML mapping (front matter without its `---` lines,
/// or a whole sidecar file).
pub fn parse(yaml: &str) -> Result<Metadata, MetadataError> {
    let value: Value = serde_yaml::from_str(yaml).map_err(|e| yaml_error(&e))?;
    let mapping = match value {
        Value::Null => return Ok(Metadata::default()),
        Value::Mapping(mapping) => mapping,
        other => {
            return Err(MetadataError {
                message: format!(
                    "metadata must be `key: value` lines, found {}",
                    kind(&other)
                ),
                hint: "write one key per line, such as `title: \"…\"` and `date: 2025-11-23`"
                    .into(),
                position: Position::START,
            });
        }
    };
    let mut meta = Metadata::default();
    for (key, value) in mapping {
        let Some(key) = key.as_str().map(str::to_string) else {
            return Err(MetadataError {
                message: format!("metadata key {} is not a name", scalar_text(&key)),
                hint: "keys are words such as `title`, `outlet`, `date`".into(),
                position: Position::START,
            });
        };
        if value.is_null() {
            continue;
        }
        let field = Field { yaml, key: &key };
        match key.as_str() {
            "title" => meta.title = Some(field.text(&value)?),
            "outlet" => meta.outlet = Some(field.text(&value)?),
            "source" => meta.outlet = meta.outlet.or(Some(field.text(&value)?)),
            "url" => meta.url = Some(field.text(&value)?),
            "language" => meta.language = Some(field.text(&value)?),
            "author" | "authors" => meta.authors = Some(field.list(&value, "a name")?),
            "tags" => meta.tags = Some(field.list(&value, "a tag")?),
            "date" => meta.date = Some(field.date(&value)?),
            "draft" => match value {
                Value::Bool(draft) => meta.draft = Some(draft),
                other => return Err(field.wrong(&other, "true or false", "draft: true")),
            },
            _ => meta.extra.push((key.clone(), display_value(&value))),
        }
    }
    Ok(meta)
}

/// One key of the mapping, for reading its value and reporting a mistake at its line.
struct Field<'a> {
    yaml: &'a str,
    key: &'a str,
}

impl Field<'_> {
    fn text(&self, value: &Value) -> Result<String, MetadataError> {
        match value {
            Value::String(_) | Value::Number(_) | Value::Bool(_) => Ok(scalar_text(value)),
            other => Err(self.wrong(other, "text", &format!("{}: \"…\"", self.key))),
        }
    }

    fn list(&self, value: &Value, item: &str) -> Result<Vec<String>, MetadataError> {
        let example = format!("{}: [first, second]", self.key);
        match value {
            Value::String(one) => Ok(vec![one.clone()]),
            Value::Sequence(items) => items
                .iter()
                .map(|v| match v {
                    Value::String(_) | Value::Number(_) | Value::Bool(_) => Ok(scalar_text(v)),
                    other => Err(self.wrong(other, item, &example)),
                })
                .collect(),
            other => Err(self.wrong(other, "a list", &example)),
        }
    }

    fn date(&self, value: &Value) -> Result<Published, MetadataError> {
        let written = scalar_text(value);
        match value {
            Value::String(_) | Value::Number(_) => {
                Published::parse(&written).ok_or_else(|| MetadataError {
                    message: format!("`date: {written}` is not a date"),
                    hint: "write an ISO date such as `date: 2025-11-23` or a date-time such as \
                           `date: 2025-11-23T14:30:00Z`; leave `date` out if the source is undated"
                        .into(),
                    position: self.position(),
                })
            }
            other => Err(self.wrong(other, "a date", "date: 2025-11-23")),
        }
    }

    fn wrong(&self, value: &Value, expected: &str, example: &str) -> MetadataError {
        MetadataError {
            message: format!("`{}` must be {expected}, found {}", self.key, kind(value)),
            hint: format!("write it as `{example}`"),
            position: self.position(),
        }
    }

    /// The line where the key is written (top-level keys start at column 1), where the
    /// value starts on it.
    fn position(&self) -> Position {
        let mut offset = 0;
        for line in self.yaml.split_inclusive('\n') {
            if let Some(rest) = line.strip_prefix(self.key) {
                let after = rest.trim_start_matches([' ', '\t']);
                if let Some(value) = after.strip_prefix(':') {
                    let gap = value.len() - value.trim_start_matches([' ', '\t']).len();
                    let column_offset = line.len() - value.len() + gap;
                    return Position::of_offset(self.yaml, offset + column_offset);
                }
            }
            offset += line.len();
        }
        Position::START
    }
}

fn yaml_error(error: &serde_yaml::Error) -> MetadataError {
    let position = error.location().map_or(Position::START, |l| Position {
        line: l.line(),
        column: l.column(),
    });
    let mut message = error.to_string();
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    let hint = if message.contains("tab") {
        "indent YAML with spaces, not tabs"
    } else {
        "metadata is YAML: one `key: value` per line; quote values that contain `: ` or start \
         with a special character, such as `title: \"Talks: day two\"`"
    };
    MetadataError {
        message: format!("invalid YAML: {message}"),
        hint: hint.into(),
        position,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => display_value(other),
    }
}

/// A value as a reader would write it: scalars as they are, lists joined with commas.
fn display_value(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Sequence(items) => items
            .iter()
            .map(display_value)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Mapping(_) | Value::Tagged(_) => serde_json::to_string(value).unwrap_or_default(),
        scalar => scalar_text(scalar),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_keys_are_read_and_unknown_kept() {
        let meta = parse(
            "title: Geneva talks\nsource: Meridian Wire\ndate: 2025-11-23\ntags: [ukraine, 2025]\n\
             author: A. Writer\ndesk: Europe\n",
        )
        .unwrap();
        assert_eq!(meta.title.as_deref(), Some("Geneva talks"));
        assert_eq!(meta.outlet.as_deref(), Some("Meridian Wire"));
        assert_eq!(meta.date.unwrap().iso_date(), "2025-11-23");
        assert_eq!(meta.tags.unwrap(), ["ukraine", "2025"]);
        assert_eq!(meta.authors.unwrap(), ["A. Writer"]);
        assert_eq!(meta.extra, [("desk".to_string(), "Europe".to_string())]);
    }

    #[test]
    fn date_time_keeps_the_written_date() {
        let p = Published::parse("2025-11-23T23:30:00-05:00").unwrap();
        assert_eq!(p.iso_date(), "2025-11-23");
        assert!(p.time.is_some());
        assert_eq!(
            Published::parse("2025-11-23 08:15").unwrap().iso_date(),
            "2025-11-23"
        );
        assert_eq!(Published::parse("yesterday"), None);
        assert_eq!(Published::parse("2025-02-30"), None);
    }

    #[test]
    fn a_date_that_is_not_a_date_is_reported_at_its_line() {
        let err = parse("title: x\ndate: yesterday\n").unwrap_err();
        assert_eq!(err.position, Position { line: 2, column: 7 });
        assert!(err.message.contains("not a date"), "{}", err.message);
    }

    #[test]
    fn wrong_types_are_reported() {
        let err = parse("tags: 5\n").unwrap_err();
        assert!(
            err.message.contains("`tags` must be a list"),
            "{}",
            err.message
        );
        let err = parse("draft: yes\n").unwrap_err();
        assert!(
            err.message.contains("`draft` must be true or false"),
            "{}",
            err.message
        );
        let err = parse("- a\n- b\n").unwrap_err();
        assert!(err.message.contains("found a list"), "{}", err.message);
    }

    #[test]
    fn invalid_yaml_has_a_position() {
        let err = parse("title: ok\nurl: [unclosed\n").unwrap_err();
        assert!(err.message.starts_with("invalid YAML"), "{}", err.message);
        assert!(err.position.line >= 2, "{:?}", err.position);
    }

    #[test]
    fn front_matter_wins_over_sidecar() {
        let front = parse("title: Front\n").unwrap();
        let side = parse("title: Side\noutlet: Wire\n").unwrap();
        let merged = front.or(side);
        assert_eq!(merged.title.as_deref(), Some("Front"));
        assert_eq!(merged.outlet.as_deref(), Some("Wire"));
    }
}
