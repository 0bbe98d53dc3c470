//! Typesetting throughput (bytes of paragraph text per second) at widths 40 and 80.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dubao::io::load::samples;
use dubao::typeset::{Options, typeset};

fn bench_typeset(c: &mut Criterion) {
    let paragraphs: Vec<String> = samples()
        .into_iter()
        .flat_map(|i| i.articles)
        .flat_map(|a| a.paragraphs)
        .collect();
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let options = Options::default();
    let mut group = c.benchmark_group("typeset");
    group.throughput(Throughput::Bytes(bytes as u64));
    for width in [40, 80] {
        group.bench_function(format!("samples at width {width}"), |b| {
            b.iter(|| {
                for paragraph in &paragraphs {
                    black_box(typeset(black_box(paragraph), width, &options));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench_typeset);
criterion_main!(benches);
