//! Parse throughput on a corpus of at least 20 MB built from the embedded samples.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dubao::io::load::SAMPLES;
use dubao::parse::parse;

const CORPUS_BYTES: usize = 20 * 1024 * 1024;

fn corpus() -> String {
    let mut text = String::with_capacity(CORPUS_BYTES + 20_000);
    while text.len() < CORPUS_BYTES {
        for (_, sample) in SAMPLES {
            text.push_str(sample);
            text.push_str("\n\n");
        }
    }
    text
}

fn bench_parse(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("20MB corpus", |b| {
        b.iter(|| parse("bench.txt", black_box(&text)));
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
