//! Front matter: the YAML block between `---` lines at the top of a Markdown source.

/// A Markdown file cut into its front matter and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences, when the file opens with `---`.
    pub yaml: Option<&'a str>,
    /// Everything after the closing fence (or the whole file).
    pub body: &'a str,
    /// The line of the file on which `body` starts, counting from 1.
    pub body_line: usize,
}

/// The file opens front matter with `---` and never closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed;

/// Cuts `text` (with `\n` line endings) into front matter and body. The front matter opens
/// with a first line of `---` and closes with the next line of `---` or `...`.
pub fn split(text: &str) -> Result<Split<'_>, Unclosed> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok(whole(text));
    };
    if first.trim_end() != "---" {
        return Ok(whole(text));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        let fence = line.trim_end();
        if fence == "---" || fence == "..." {
            return Ok(Split {
                yaml: Some(&text[yaml_start..offset]),
                body: &text[offset + line.len()..],
                // The opening fence is line 1, the YAML starts on line 2.
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(Unclosed)
}

fn whole(text: &str) -> Split<'_> {
    Split {
        yaml: None,
        body: text,
        body_line: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_cut_from_the_body() {
        let s = split("---\ntitle: x\ndate: 2025-11-23\n---\n\nBody.\n").unwrap();
        assert_eq!(s.yaml, Some("title: x\ndate: 2025-11-23\n"));
        assert_eq!(s.body, "\nBody.\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn no_front_matter_leaves_the_text_whole() {
        let s = split("Text --- with dashes\n---\n").unwrap();
        assert_eq!(s.yaml, None);
        assert_eq!(s.body_line, 1);
    }

    #[test]
    fn empty_front_matter_and_dot_fence() {
        assert_eq!(split("---\n---\nx").unwrap().yaml, Some(""));
        assert_eq!(split("---\na: 1\n...\nx").unwrap().body, "x");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(split("---\ntitle: x\n\nBody text"), Err(Unclosed));
    }
}
