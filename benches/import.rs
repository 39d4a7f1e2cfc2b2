//! Importing a 1 MB article, as the import thread does (the UI thread only hands over the
//! bytes and applies the result): a saved HTML news page (Readability, then HTML to Markdown,
//! then the Markdown reader) and a Markdown file (front matter, datelines, title, clean-up,
//! NFC).
//!
//! Run with `cargo bench --bench import`; the figures are in BENCHMARKS.md.

use fan_tracker::model::{Origin, import};

fn main() {
    divan::main();
}

/// About how large each generated article is, in bytes.
const SIZE: usize = 1024 * 1024;

/// A paragraph of made-up prose (our own words) with the inline markup articles carry.
fn paragraph(n: usize, markdown: bool) -> String {
    let (b, b_end) = if markdown {
        ("**", "**")
    } else {
        ("<b>", "</b>")
    };
    format!(
        "Paragraph {n}: the harbor town waited for news of a {b}second season{b_end}, and the \
         keeper of the light kept her lamp burning through another long winter. Neighbours \
         traded theories at the market; the ferry captain said nothing and smiled. 하버 라이트 \
         팬들은 아직 기다린다. Café owners counted visitors who came to see the filming spots. "
    )
}

/// A news page of about 1 MB: site chrome around one long article.
fn html_page() -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Harbor Lights waits | News</title>\
         <meta property=\"article:published_time\" content=\"2023-06-02T08:30:00+09:00\">\
         <link rel=\"canonical\" href=\"https://news.example.org/a\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/drama\">Drama</a></nav>\
         <div class=\"cookie-banner\"><button>Accept</button></div><main><article>\
         <h1>Harbor Lights waits</h1>",
    );
    let mut n = 0;
    while page.len() < SIZE {
        if n % 20 == 0 {
            page.push_str(&format!("<h2>Part {}</h2>", n / 20 + 1));
        }
        page.push_str("<p>");
        page.push_str(&paragraph(n, false));
        page.push_str("</p>");
        n += 1;
    }
    page.push_str("</article></main><footer>© News</footer></body></html>");
    page
}

/// A Markdown file of about 1 MB with front matter.
fn markdown_file() -> String {
    let mut text = String::from(
        "---\ntitle: Harbor Lights waits\npublished: 2023-06-02\nsource: https://news.example.org/a\n---\n\n# Harbor Lights waits\n\n",
    );
    let mut n = 0;
    while text.len() < SIZE {
        if n % 20 == 0 {
            text.push_str(&format!("## Part {}\n\n", n / 20 + 1));
        }
        text.push_str(&paragraph(n, true));
        text.push_str("\n\n");
        n += 1;
    }
    text
}

/// A 1 MB saved HTML page.
#[divan::bench(sample_count = 10)]
fn html_page_1mb(bencher: divan::Bencher) {
    let page = html_page();
    bencher.bench_local(|| import(page.as_bytes(), Origin::File("page.html")).expect("import"));
}

/// A 1 MB Markdown file.
#[divan::bench(sample_count = 20)]
fn markdown_1mb(bencher: divan::Bencher) {
    let text = markdown_file();
    bencher.bench_local(|| import(text.as_bytes(), Origin::File("article.md")).expect("import"));
}
