//! The suggester on long articles (issue 9): 100 KB, 500 KB, 1 MB and 2 MB of Markdown made
//! by repeating the evaluation set's articles (English and Korean), each repetition with its
//! own names so the grouping meets new subjects all along, not one repeated thread.
//!
//! Budgets: a 100 KB article ≤ 20 ms, a 2 MB one ≤ 0.5 s, growing linearly. The document is
//! parsed before timing (the window parses it once to show it). Run with
//! `cargo bench --bench suggest`.

use fan_tracker::model::Document;
use fan_tracker::model::suggest::suggest;

fn main() {
    divan::main();
}

/// The evaluation articles the long ones are made of.
const PARTS: [&str; 13] = [
    include_str!("../tests/eval/dev/01-okay-renewal.md"),
    include_str!("../tests/eval/dev/02-starfall-paste.txt"),
    include_str!("../tests/eval/dev/03-lantern-finale-explained.md"),
    include_str!("../tests/eval/dev/04-harbor-cast-news.md"),
    include_str!("../tests/eval/dev/05-orchard-five-questions.md"),
    include_str!("../tests/eval/dev/06-okay-korean.md"),
    include_str!("../tests/eval/dev/07-moonlit-settled.md"),
    include_str!("../tests/eval/dev/08-okay-fan-essay.txt"),
    include_str!("../tests/eval/dev/09-moonlight-diner-korean.txt"),
    include_str!("../tests/eval/dev/10-paper-moon-theories.md"),
    include_str!("../tests/eval/dev/11-harbor-interview.md"),
    include_str!("../tests/eval/dev/12-velvet-cancelled.md"),
    include_str!("../tests/eval/dev/13-holloway-network-move.md"),
];

/// Names renamed in each repetition.
const NAMES: [&str; 12] = [
    "Moon-young",
    "Gang-tae",
    "Starfall",
    "Vell",
    "Mira",
    "Choi Hana",
    "Jonah",
    "Rosa",
    "Ada",
    "Noor",
    "고문영",
    "달빛",
];

/// Article sizes, in KB.
const SIZES_KB: [usize; 4] = [100, 500, 1000, 2000];

/// A Markdown article of about `kb` kilobytes.
fn article(kb: usize) -> Document {
    let mut text = String::with_capacity(kb * 1024 + 4096);
    let mut round = 0;
    while text.len() < kb * 1024 {
        for part in PARTS {
            let mut part = part.to_owned();
            for name in NAMES {
                part = part.replace(name, &format!("{name}{round}"));
            }
            text.push_str(&part);
            text.push_str("\n\n");
        }
        round += 1;
    }
    Document::from_markdown(&text)
}

#[divan::bench(args = SIZES_KB, sample_count = 20)]
fn suggest_article(bencher: divan::Bencher, kb: usize) {
    let document = article(kb);
    bencher.bench_local(|| suggest(&document));
}
