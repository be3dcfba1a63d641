//! PDFs as sources: a statement made here, in the test, reads as its paragraphs without
//! running headers and page numbers, with title and date from the document's information.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};

use crate::common::{Project, text_of};

/// Text drawn at (`x`, `y`) in the page's one font.
fn line(x: i64, y: i64, text: &str) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("Td", vec![x.into(), y.into()]),
        Operation::new(
            "Tj",
            vec![Object::String(
                text.as_bytes().to_vec(),
                StringFormat::Literal,
            )],
        ),
        Operation::new("ET", vec![]),
    ]
}

/// A press statement of two pages, each under the office's running header and over
/// "Page N of 2", with a word broken over a line end.
fn statement() -> Vec<u8> {
    let pages: [&[&[&str]]; 2] = [
        &[
            &[
                "The harbour authority said on Monday that the north pier will",
                "close for repairs from 3 March, after divers found cracks in",
                "two of its piles during an inspection last week.",
            ],
            &[
                "Ferries will use the south pier while the work lasts, the",
                "authority's director, Ines Varga, told reporters.",
            ],
        ],
        &[&[
            "The repairs are expected to take six weeks and will be paid",
            "from the maintenance fund, the authority said in its state-",
            "ment, which was published after the board met.",
        ]],
    ];
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids: Vec<Object> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut ops = line(72, 770, "HARBOUR AUTHORITY - PRESS OFFICE");
        ops.extend(line(280, 40, &format!("Page {} of 2", n + 1)));
        let mut y = 720;
        for paragraph in page.iter() {
            for (i, text) in paragraph.iter().enumerate() {
                ops.extend(line(if i == 0 { 90 } else { 72 }, y, text));
                y -= 14;
            }
            y -= 14;
        }
        let content = Content { operations: ops }.encode().unwrap();
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(
            dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content },
        );
        kids.push(page.into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => 2, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let info = doc.add_object(dictionary! {
        "Title" => Object::string_literal("North pier to close for repairs"),
        "CreationDate" => Object::string_literal("D:20250224101500+01'00'"),
    });
    doc.trailer.set("Info", info);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_pdf_statement_reads_as_its_paragraphs_with_title_and_date() {
    let project = Project::new();
    project.seed("statement.pdf", statement());
    project.build_ok(&["--strict"]);
    let site = project.site();
    let source = site.source("statement.pdf");
    assert_eq!(source["title"], "North pier to close for repairs");
    assert_eq!(source["date"], "2025-02-24");
    let texts: Vec<&str> = source["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 3, "{texts:#?}");
    assert!(
        texts[0].starts_with("The harbour authority said on Monday that the north pier will close")
    );
    assert!(
        texts[2].contains("in its statement, which was published"),
        "{}",
        texts[2]
    );
    for text in &texts {
        assert!(
            !text.contains("PRESS OFFICE"),
            "running header kept: {text}"
        );
        assert!(!text.contains("Page 1 of 2"), "page number kept: {text}");
    }
    let page = site.html(&format!(
        "sources/{}/index.html",
        source["id"].as_str().unwrap()
    ));
    let meta = text_of(&page, "dl.meta");
    assert!(
        meta.contains("from the PDF's document information"),
        "{meta}"
    );
}

#[test]
fn a_broken_pdf_is_skipped_with_what_to_do_and_the_rest_built() {
    let project = Project::new();
    let mut broken = statement();
    broken.truncate(broken.len() / 3);
    project.seed("broken.pdf", broken).seed(
        "note.md",
        "---\ntitle: A note\n---\n\nThe pier closes in March.\n",
    );
    let run = project.build_ok(&[]);
    assert!(
        run.stderr
            .contains("broken.pdf: skipped: cannot read the PDF"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    assert_eq!(project.site().source_paths(), ["note.md"]);
}
