//! The comparable form of a paragraph: what stays when typography and case are set aside.

use unicode_normalization::UnicodeNormalization;

/// `text` in Unicode NFKC, lower case, with every quote mark made `'` or `"`, every dash
/// made `-`, and every run of white space made one space, trimmed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfkc().flat_map(char::to_lowercase) {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_case_and_spacing_do_not_matter() {
        assert_eq!(
            normalize("  The  \u{201C}Plan\u{201D}\u{2014}it\u{2019}s\tﬁne. "),
            normalize("the \"plan\"-it's fine.")
        );
        assert_eq!(normalize("A\u{00A0}B"), "a b");
    }

    #[test]
    fn words_still_matter() {
        assert_ne!(normalize("Talks resumed."), normalize("Talks stalled."));
    }
}
