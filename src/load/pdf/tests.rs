//! Whole PDFs built in memory: paragraphs, running lines, metadata, fonts, forms and the
//! errors of files that yield no text.

use chrono::NaiveTime;
use lopdf::content::{Content, Operation};
use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
use lopdf::{Dictionary, Object, Stream, StringFormat, dictionary};

use super::info::is_real_title;
use super::*;

/// WinAnsiEncoding for the few non-ASCII letters the fixtures use.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '“' => 0x93,
            '”' => 0x94,
            '—' => 0x97,
            'é' => 0xE9,
            'è' => 0xE8,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}

fn text_at(x: f32, y: f32, text: &str) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("Td", vec![x.into(), y.into()]),
        Operation::new(
            "Tj",
            vec![Object::String(win_ansi(text), StringFormat::Literal)],
        ),
        Operation::new("ET", vec![]),
    ]
}

/// A statement, page by page and paragraph by paragraph, one string per line.
const STATEMENT: &[&[&[&str]]] = &[
    &[
        &[
            "The Ministry of Foreign Affairs issued the following state-",
            "ment on Monday after talks in Geneva with the delegation of",
            "the neighbouring republic, which lasted late into the night.",
        ],
        &[
            "Both sides agreed that “humanitarian corridors” must open",
            "before winter; the minister, Ms. Hélène Dupré, said the",
            "agreement was fragile — but real.",
        ],
    ],
    &[
        &[
            "A well-known mediator from Oslo will chair the next round,",
            "which is planned for the first week of December in a Franco-",
            "German venue still to be announced.",
        ],
        &[
            "The delegations exchanged lists of detainees and agreed to",
            "meet again. Observers called the talks “cautious but serious”.",
        ],
    ],
    &[
        &[
            "The ministry thanked the hosts and the well-",
            "known mediator for their patience during the negotia-",
            "tions, which had been postponed twice.",
        ],
        &[
            "Further statements will follow after the next round of",
            "talks. Questions may be sent to the press office.",
        ],
    ],
];

/// A PDF of `pages`, each under a running header and over a "Page N of M" footer. Each
/// paragraph's first line is indented and a blank line stands between paragraphs. The
/// footer is written before the body, as some producers do.
fn statement_pdf(pages: &[&[&[&str]]], info: Option<Dictionary>) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let mut ops = text_at(72.0, 770.0, "MINISTRY OF FOREIGN AFFAIRS — PRESS STATEMENT");
        ops.extend(text_at(
            280.0,
            40.0,
            &format!("Page {} of {}", i + 1, pages.len()),
        ));
        let mut y = 720.0;
        for paragraph in *page {
            for (j, line) in paragraph.iter().enumerate() {
                ops.extend(text_at(if j == 0 { 90.0 } else { 72.0 }, y, line));
                y -= 14.0;
            }
            y -= 14.0;
        }
        kids.push(add_page(&mut doc, pages_id, ops).into());
    }
    finish(&mut doc, pages_id, kids, resources, info);
    doc
}

fn add_page(doc: &mut Document, parent: ObjectId, ops: Vec<Operation>) -> ObjectId {
    let content = Content { operations: ops }.encode().unwrap();
    let content = doc.add_object(Stream::new(dictionary! {}, content));
    doc.add_object(dictionary! { "Type" => "Page", "Parent" => parent, "Contents" => content })
}

fn finish(
    doc: &mut Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
    resources: ObjectId,
    info: Option<Dictionary>,
) {
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if let Some(info) = info {
        let info = doc.add_object(info);
        doc.trailer.set("Info", info);
    }
    doc.compress();
}

fn info(title: &str) -> Dictionary {
    dictionary! {
        "Title" => Object::string_literal(title),
        "Author" => Object::string_literal("Press Office; J. Doe"),
        "CreationDate" => Object::string_literal("D:20251124093000+01'00'"),
        "ModDate" => Object::string_literal("D:20251201"),
    }
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn statement() -> Vec<u8> {
    save(statement_pdf(
        STATEMENT,
        Some(info("Statement on the Geneva talks")),
    ))
}

#[test]
fn a_statement_reads_as_paragraphs_without_headers_or_page_numbers() {
    let pdf = read(&statement()).unwrap();
    let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The Ministry of Foreign Affairs issued the following statement on Monday after \
             talks in Geneva with the delegation of the neighbouring republic, which lasted \
             late into the night.",
            "Both sides agreed that “humanitarian corridors” must open before winter; the \
             minister, Ms. Hélène Dupré, said the agreement was fragile — but real.",
            "A well-known mediator from Oslo will chair the next round, which is planned for \
             the first week of December in a Franco-German venue still to be announced.",
            "The delegations exchanged lists of detainees and agreed to meet again. Observers \
             called the talks “cautious but serious”.",
            "The ministry thanked the hosts and the well-known mediator for their patience \
             during the negotiations, which had been postponed twice.",
            "Further statements will follow after the next round of talks. Questions may be \
             sent to the press office.",
        ]
    );
    let pages: Vec<usize> = pdf.paragraphs.iter().map(|p| p.page).collect();
    assert_eq!(pages, [1, 1, 2, 2, 3, 3]);
}

#[test]
fn title_date_and_authors_come_from_the_info_dictionary() {
    let pdf = read(&statement()).unwrap();
    assert_eq!(pdf.title.as_deref(), Some("Statement on the Geneva talks"));
    let date = pdf.date.unwrap();
    assert_eq!(date.iso_date(), "2025-11-24");
    assert_eq!(date.time, NaiveTime::from_hms_opt(9, 30, 0));
    assert_eq!(pdf.authors.unwrap(), ["Press Office", "J. Doe"]);
}

#[test]
fn a_file_name_is_not_a_title() {
    for name in [
        "Microsoft Word - statement.docx",
        "Untitled",
        "draft_v3.pdf",
    ] {
        let bytes = save(statement_pdf(STATEMENT, Some(info(name))));
        assert_eq!(read(&bytes).unwrap().title, None, "{name}");
    }
    assert!(is_real_title("Talks in Geneva: day two"));
}

#[test]
fn a_utf16_title_is_decoded() {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in "Déclaration — Genève".encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    let info = dictionary! { "Title" => Object::String(bytes, StringFormat::Hexadecimal) };
    let pdf = read(&save(statement_pdf(STATEMENT, Some(info)))).unwrap();
    assert_eq!(pdf.title.as_deref(), Some("Déclaration — Genève"));
    assert_eq!(pdf.date, None);
    assert_eq!(pdf.authors, None);
}

#[test]
fn a_paragraph_runs_on_over_a_page_break() {
    let pages: &[&[&[&str]]] = &[
        &[&["The talks began on Monday and went on", "through the"]],
        &[&["night, the ministry said.", "Nothing more was said."]],
    ];
    let pdf = read(&save(statement_pdf(pages, None))).unwrap();
    let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The talks began on Monday and went on through the night, the ministry said. \
          Nothing more was said."
        ]
    );
    assert_eq!(pdf.paragraphs[0].page, 1);
}

#[test]
fn a_single_page_keeps_its_lines_but_not_its_page_number() {
    let pages: &[&[&[&str]]] = &[&[&["One short statement."]]];
    let pdf = read(&save(statement_pdf(pages, None))).unwrap();
    let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
    // With one page nothing shows the header to be running; "Page 1 of 1" is a number.
    assert_eq!(
        texts,
        [
            "MINISTRY OF FOREIGN AFFAIRS — PRESS STATEMENT",
            "One short statement."
        ]
    );
}

/// The text matrix that puts the next glyphs at (`x`, `y`), unscaled.
fn place_text(x: i64, y: i64) -> Operation {
    Operation::new(
        "Tm",
        vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), y.into()],
    )
}

/// Two-byte codes for ASCII text in the composite font of [`composite_font_pdf`].
fn cid(text: &str) -> Object {
    let bytes = text.bytes().flat_map(|b| [0, b]).collect();
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A page in a composite font as browsers write one: each word its own string placed by
/// `Td` from the start of the one before, a soft hyphen drawn as a space glyph (code 3)
/// that the next word overlaps, a ligature (code 1,
/// "ﬁ"), and `TJ` adjustments for a word space and for kerning.
fn composite_font_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
                /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
                1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
                2 beginbfchar <0001> <FB01> <0003> <0020> endbfchar\n\
                1 beginbfrange <0020> <007E> <0020> endbfrange\n\
                endcmap CMapName currentdict /CMap defineresource pop end end";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "AAAAAA+Serif",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0,
        },
        "DW" => 500,
        "W" => vec![3.into(), vec![250.into()].into(), 32.into(), vec![250.into()].into()],
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "AAAAAA+Serif",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    // At size 10 a glyph is 5 wide and a space 2.5.
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 10.into()]),
        place_text(72, 700),
    ];
    let mut advance = 0.0;
    for word in ["The ", "govern", "\u{3}", "ments ", "cease\u{1}re"] {
        ops.push(Operation::new("Td", vec![advance.into(), 0.into()]));
        ops.push(Operation::new("Tj", vec![cid(word)]));
        advance = word
            .chars()
            .map(|c| match c {
                ' ' => 2.5,
                '\u{3}' => 0.0,
                _ => 5.0,
            })
            .sum::<f32>();
    }
    ops.push(place_text(72, 686));
    ops.push(Operation::new(
        "TJ",
        vec![vec![cid("in"), (-300).into(), cid("Geneva"), 80.into(), cid(".")].into()],
    ));
    ops.push(Operation::new("ET", vec![]));
    let kids = vec![add_page(&mut doc, pages_id, ops).into()];
    finish(&mut doc, pages_id, kids, resources, None);
    save(doc)
}

#[test]
fn a_composite_font_is_spaced_by_where_glyphs_stand() {
    let pdf = read(&composite_font_pdf()).unwrap();
    let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["The governments ceasefire in Geneva."]);
}

/// A one-page PDF that draws `strings` in a composite font with `encoding` and no
/// `ToUnicode` map; `form` puts the text in a form XObject moved by a matrix.
fn bare_composite_pdf(encoding: &str, strings: Vec<Vec<u8>>, form: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "KozMinPr6N-Regular",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Japan1"), "Supplement" => 6,
        },
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "KozMinPr6N-Regular",
        "Encoding" => encoding, "DescendantFonts" => vec![descendant.into()],
    });
    let mut text = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
    ];
    let mut y = 700;
    for string in strings {
        text.push(place_text(72, y));
        text.push(Operation::new(
            "Tj",
            vec![Object::String(string, StringFormat::Hexadecimal)],
        ));
        y -= 16;
    }
    text.push(Operation::new("ET", vec![]));
    let (ops, resources) = if form {
        let content = Content { operations: text }.encode().unwrap();
        let form = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-100).into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            },
            content,
        ));
        let ops = vec![
            Operation::new("q", vec![]),
            Operation::new("Do", vec!["Fm1".into()]),
            Operation::new("Q", vec![]),
        ];
        let resources = dictionary! { "XObject" => dictionary! { "Fm1" => form } };
        (ops, doc.add_object(resources))
    } else {
        let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        (text, doc.add_object(resources))
    };
    let kids = vec![add_page(&mut doc, pages_id, ops).into()];
    finish(&mut doc, pages_id, kids, resources, None);
    save(doc)
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

#[test]
fn a_font_whose_codes_are_utf16_is_read() {
    let strings = vec![utf16("外務省の声明"), utf16("交渉は続く。")];
    let pdf = read(&bare_composite_pdf("UniJIS-UCS2-H", strings, false)).unwrap();
    let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["外務省の声明 交渉は続く。"]);
}

#[test]
fn text_inside_a_form_xobject_is_read() {
    let strings = vec![utf16("Read inside a form.")];
    let pdf = read(&bare_composite_pdf("UniJIS-UCS2-H", strings, true)).unwrap();
    let texts: Vec<&str> = pdf.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Read inside a form."]);
}

#[test]
fn a_form_that_draws_itself_ends() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let form_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut ops = text_at(72.0, 700.0, "Again.");
    for _ in 0..50 {
        ops.push(Operation::new("q", vec![]));
        ops.push(Operation::new("Do", vec!["Fm1".into()]));
    }
    let content = Content { operations: ops }.encode().unwrap();
    let resources = dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => dictionary! { "Fm1" => form_id },
    };
    let form = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => resources.clone() },
        content,
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let resources = doc.add_object(resources);
    let page = vec![Operation::new("Do", vec!["Fm1".into()])];
    let kids = vec![add_page(&mut doc, pages_id, page).into()];
    finish(&mut doc, pages_id, kids, resources, None);
    let pdf = read(&save(doc)).unwrap();
    assert_eq!(pdf.paragraphs[0].text, "Again.");
}

#[test]
fn text_in_fonts_without_a_unicode_map_is_undecodable_not_a_scan() {
    let pdf = bare_composite_pdf("Identity-H", vec![vec![0, 0x41, 0, 0x42]], false);
    let err = read(&pdf).unwrap_err();
    assert_eq!(err, PdfError::Undecodable);
    assert!(err.hint().contains("pdftotext"));
}

#[test]
fn pages_without_text_are_no_text() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let resources = doc.add_object(dictionary! {});
    let ops = vec![
        Operation::new("re", vec![72.into(), 72.into(), 400.into(), 600.into()]),
        Operation::new("f", vec![]),
    ];
    let kids = vec![add_page(&mut doc, pages_id, ops).into()];
    finish(&mut doc, pages_id, kids, resources, None);
    let err = read(&save(doc)).unwrap_err();
    assert_eq!(err, PdfError::NoText);
    assert!(err.to_string().contains("no OCR"), "{err}");
    assert!(err.hint().contains("OCR"));
}

#[test]
fn an_encrypted_pdf_is_reported_and_one_without_user_password_is_read() {
    let encrypt = |user_password: &str| {
        let mut doc = statement_pdf(STATEMENT, Some(info("Statement")));
        doc.trailer.set(
            "ID",
            Object::Array(vec![
                Object::string_literal("0123456789abcdef"),
                Object::string_literal("fedcba9876543210"),
            ]),
        );
        let state = EncryptionState::try_from(EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password,
            key_length: 128,
            permissions: Permissions::all(),
        })
        .unwrap();
        doc.encrypt(&state).unwrap();
        save(doc)
    };
    let err = read(&encrypt("secret")).unwrap_err();
    assert_eq!(err, PdfError::Encrypted);
    assert!(err.hint().contains("qpdf --decrypt"));
    let open = read(&encrypt("")).unwrap();
    assert_eq!(open.paragraphs.len(), 6);
    assert_eq!(open.title.as_deref(), Some("Statement"));
}

#[test]
fn broken_input_is_an_error_not_a_panic() {
    let whole = statement();
    let mut noise = Vec::with_capacity(4096);
    let mut seed: u32 = 12345;
    for _ in 0..4096 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((seed >> 16) as u8);
    }
    let mut pdf_noise = b"%PDF-1.5\n".to_vec();
    pdf_noise.extend(&noise);
    let cases: [(&str, &[u8]); 5] = [
        ("empty", &[]),
        ("random bytes", &noise),
        ("header and random bytes", &pdf_noise),
        ("first half", &whole[..whole.len() / 2]),
        ("first hundred bytes", &whole[..100]),
    ];
    for (name, bytes) in cases {
        match read(bytes) {
            Err(PdfError::Broken(why)) => assert!(!why.is_empty(), "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    // Every cut of the file is an answer, never a panic.
    for end in (0..whole.len()).step_by(37) {
        let _ = read(&whole[..end]);
    }
}
