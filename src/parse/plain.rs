//! Plain text to blocks: paragraphs are separated by blank lines; a text with no blank line
//! between two lines of text has one paragraph per line (transcripts and pasted copy are
//! often written so).

use super::{Block, BlockKind};

/// The paragraphs of `text`, whose first line is line `first_line` of its file.
pub fn blocks(text: &str, first_line: usize) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let has_blank_separator = lines
        .iter()
        .skip_while(|l| l.trim().is_empty())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].trim().is_empty() && !w[1].trim().is_empty());

    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (index, line) in lines.iter().enumerate() {
        let line_text = line.trim();
        if line_text.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        match &mut current {
            Some(block) if has_blank_separator => {
                block.text.push(' ');
                block.text.push_str(line_text);
            }
            _ => {
                blocks.extend(current.take());
                current = Some(Block {
                    kind: BlockKind::Paragraph,
                    text: line_text.to_string(),
                    marks: Vec::new(),
                    line: first_line + index,
                });
            }
        }
    }
    blocks.extend(current);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        blocks(text, 1).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        assert_eq!(
            texts("First.\nSecond.\n  Third.  \n"),
            ["First.", "Second.", "Third."]
        );
        assert_eq!(blocks("a\nb", 4)[1].line, 5);
    }

    #[test]
    fn blank_lines_separate_wrapped_paragraphs() {
        assert_eq!(
            texts("\nOne line\nwrapped here.\n\n\nTwo.\n"),
            ["One line wrapped here.", "Two."]
        );
    }
}
