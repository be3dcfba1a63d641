//! Bytes to text: UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark, line
//! endings folded to `\n`. Anything else is reported with the position of the first bad byte.

use crate::diagnostic::Position;

/// Why a file's bytes are not text we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no bytes, or only white space.
    Empty,
    /// A NUL byte: the file is binary, whatever its name says.
    Binary(Position),
    /// Bytes that are not UTF-8, at this position.
    InvalidUtf8(Position),
    /// A UTF-16 file with an unpaired surrogate or an odd number of bytes.
    InvalidUtf16,
}

/// Decodes `bytes` into text with `\n` line endings. Bytes that are not UTF-8 (nor UTF-16
/// with a byte-order mark) are given to `otherwise`, which may know their encoding (a saved
/// page declares it); without it they are an error.
pub fn decode(
    mut bytes: Vec<u8>,
    otherwise: fn(&[u8]) -> Option<String>,
) -> Result<String, DecodeError> {
    let text = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => {
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes.drain(..3);
            }
            // The bytes become the text without a copy: saved pages run to megabytes.
            match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let bytes = e.as_bytes();
                    let valid_up_to = e.utf8_error().valid_up_to();
                    if let Some(text) = otherwise(bytes) {
                        text
                    } else {
                        let valid = String::from_utf8_lossy(&bytes[..valid_up_to]);
                        let at = Position::of_offset(&valid, valid.len());
                        return Err(if bytes[valid_up_to..].contains(&0) {
                            DecodeError::Binary(at)
                        } else {
                            DecodeError::InvalidUtf8(at)
                        });
                    }
                }
            }
        }
    };
    if let Some(nul) = text.find('\0') {
        return Err(DecodeError::Binary(Position::of_offset(&text, nul)));
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(fold_line_endings(text))
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16);
    }
    let words = bytes.chunks_exact(2).map(|pair| word([pair[0], pair[1]]));
    char::decode_utf16(words)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::InvalidUtf16)
}

/// `\r\n` and lone `\r` become `\n`.
fn fold_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped_and_crlf_folded() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFone\r\ntwo\rthree".to_vec(), |_| None).unwrap(),
            "one\ntwo\nthree"
        );
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Kyiv – Київ".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(bytes, |_| None).unwrap(), "Kyiv – Київ");
    }

    #[test]
    fn invalid_utf8_reports_where() {
        assert_eq!(
            decode(b"fine\nbad \xFF here".to_vec(), |_| None),
            Err(DecodeError::InvalidUtf8(Position { line: 2, column: 5 }))
        );
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(decode(b"".to_vec(), |_| None), Err(DecodeError::Empty));
        assert_eq!(
            decode(b" \n\t\n".to_vec(), |_| None),
            Err(DecodeError::Empty)
        );
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00".to_vec(), |_| None),
            Err(DecodeError::Binary(Position { line: 1, column: 5 }))
        );
    }
}
