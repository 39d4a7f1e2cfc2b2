//! Bytes to text: byte-order marks, UTF-8, UTF-16 and legacy encodings, and refusing binary
//! files (images, PDFs, archives, anything with NUL bytes).
//!
//! The order follows the WHATWG encoding standard's "decode" algorithm: a byte-order mark
//! wins; otherwise valid UTF-8 is UTF-8; otherwise an HTML page's own `<meta charset>` is
//! trusted; otherwise `chardetng` guesses (the detector Firefox uses).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::ImportError;

/// Text decoded from bytes, with the encoding assumed when it was not UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name (e.g. `"EUC-KR"`, `"windows-1252"`, `"UTF-16LE"`) when the
    /// bytes were not UTF-8; `None` for UTF-8 with or without a byte-order mark.
    pub encoding: Option<&'static str>,
}

/// How many leading bytes are looked at to tell UTF-16 without a byte-order mark from binary.
const SNIFF_BYTES: usize = 4096;

/// File signatures of common binary formats people drop by mistake, with what to call them.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (
        b"PK\x03\x04",
        "a zip archive (for example a .docx, .epub or .zip file)",
    ),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
];

/// Decodes `bytes` as text.
///
/// `html` says the bytes are an HTML page, whose `<meta charset>` is then honoured before
/// guessing.
///
/// # Errors
/// [`ImportError::Binary`] for known binary formats (by signature) and for NUL bytes in
/// anything but UTF-16.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, ImportError> {
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        // "MZ" is also how a plain text could start ("MZ was here"): only call it a program
        // when binary bytes follow.
        if !bytes.starts_with(b"MZ") || bytes.iter().take(64).any(|b| *b == 0) {
            return Err(ImportError::Binary { what });
        }
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom_len..]));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(decode_with(encoding, bytes));
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary {
            what: "binary data (it contains NUL bytes)",
        });
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(decode_with(UTF_8, bytes));
    }
    let declared = if html { meta_charset(bytes) } else { None };
    let encoding = declared
        .filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE)
        .unwrap_or_else(|| {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            detector.guess(None, false)
        });
    Ok(decode_with(encoding, bytes))
}

/// Decodes with `encoding`, replacing malformed sequences with U+FFFD.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: (encoding != UTF_8).then(|| encoding.name()),
    }
}

/// UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte (the
/// high byte of each unit), on one side only.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.len() < 4 || !head.len().is_multiple_of(2) {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let units = head.len() / 2;
    let (even, odd) = (nul_at(0), nul_at(1));
    if odd * 10 >= units * 6 && even == 0 {
        Some(UTF_16LE)
    } else if even * 10 >= units * 6 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The encoding an HTML page declares in its first 1024 bytes (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), as the HTML standard's
/// prescan does.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'' || *b == b' ')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    Encoding::for_label(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_is_utf8() {
        let plain = decode("Harbor Lights 하버".as_bytes(), false).unwrap();
        assert_eq!(plain.text, "Harbor Lights 하버");
        assert_eq!(plain.encoding, None);
        let bom = decode(b"\xef\xbb\xbfHi", false).unwrap();
        assert_eq!(bom.text, "Hi");
        assert_eq!(bom.encoding, None);
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        let text = "Season 2 · 시즌";
        let mut le = vec![0xff, 0xfe];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xfe, 0xff];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let le = decode(&le, false).unwrap();
        let be = decode(&be, false).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), (text, Some("UTF-16LE")));
        assert_eq!((be.text.as_str(), be.encoding), (text, Some("UTF-16BE")));
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_pattern() {
        let bytes: Vec<u8> = "A renewal at last"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode(&bytes, false).unwrap();
        assert_eq!(decoded.text, "A renewal at last");
        assert_eq!(decoded.encoding, Some("UTF-16LE"));
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("The café’s owner said the finale “changed everything” for her.");
        let decoded = decode(&bytes, false).unwrap();
        assert_eq!(decoded.encoding, Some("windows-1252"));
        assert!(decoded.text.contains("café’s"), "{}", decoded.text);
        assert!(decoded.text.contains("“changed everything”"));
    }

    #[test]
    fn euc_kr_is_detected() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(
            "방송사는 아직 두 번째 시즌을 발표하지 않았다. 팬들은 등대지기의 귀환을 기다리고 있다.",
        );
        let decoded = decode(&bytes, false).unwrap();
        assert_eq!(decoded.encoding, Some("EUC-KR"));
        assert!(decoded.text.starts_with("방송사는 아직"));
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xb1</body></html>";
        let decoded = decode(page, true).unwrap();
        assert_eq!(decoded.encoding, Some("ISO-8859-2"));
        assert!(decoded.text.contains('ą'));
    }

    #[test]
    fn binary_is_refused_by_signature_and_by_nul_bytes() {
        for (bytes, what) in [
            (&b"%PDF-1.7\n..."[..], "PDF"),
            (b"\x89PNG\r\n\x1a\n\0\0", "PNG"),
            (b"\xff\xd8\xff\xe0\0\x10", "JPEG"),
            (b"PK\x03\x04\x14\0", "zip"),
            (b"text\0with a nul", "NUL"),
        ] {
            match decode(bytes, false) {
                Err(ImportError::Binary { what: said }) => assert!(said.contains(what), "{said}"),
                other => panic!("{what}: {other:?}"),
            }
        }
        assert!(decode(b"MZ was here, said the fan.", false).is_ok());
    }
}
