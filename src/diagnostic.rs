//! Diagnostics: what is wrong with the input, where, and what to do about it.
//!
//! Every stage reports problems with a source as a [`Diagnostic`] instead of failing: the
//! source is skipped and the rest of the briefing is built. The build prints them together
//! at the end, and `--strict` turns any of them into a failed build.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build goes on without the thing named (a source is skipped, a key ignored).
    Warning,
    /// The build cannot produce a site.
    Error,
}

/// A position in a file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, counting from 1.
    pub line: usize,
    /// Column in characters, counting from 1.
    pub column: usize,
}

impl Position {
    /// The first character of a file.
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte offset `offset` in `text` (clamped to the end of the text).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The file concerned, as the user named it (seeds folder joined with the relative path).
    pub path: Option<PathBuf>,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A warning about `path`.
    pub fn warning(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            path: Some(path.as_ref().to_path_buf()),
            position: None,
            message: message.into(),
            hint: None,
        }
    }

    /// An error about `path`.
    pub fn error(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            ..Diagnostic::warning(path, message)
        }
    }

    /// An error that concerns no single file.
    pub fn general(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: None,
            position: None,
            message: message.into(),
            hint: None,
        }
    }

    /// The same diagnostic at `position`.
    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    /// The same diagnostic with a hint on what to do.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: ")?;
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some(p) = self.position {
                write!(f, ":{}:{}", p.line, p.column)?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        let text = "ab\nçd\nef";
        assert_eq!(Position::of_offset(text, 0), Position::START);
        assert_eq!(
            Position::of_offset(text, 3),
            Position { line: 2, column: 1 }
        );
        // "ç" is two bytes: the byte after it is the second character of line 2.
        assert_eq!(
            Position::of_offset(text, 5),
            Position { line: 2, column: 2 }
        );
        assert_eq!(
            Position::of_offset(text, 100),
            Position { line: 3, column: 3 }
        );
    }

    #[test]
    fn display_names_file_position_and_hint() {
        let d = Diagnostic::warning("seeds/a.md", "front matter is never closed")
            .at(Position { line: 1, column: 1 })
            .hint("add a line `---` after the metadata");
        assert_eq!(
            d.to_string(),
            "warning: seeds/a.md:1:1: front matter is never closed\n  hint: add a line `---` after the metadata"
        );
    }
}
