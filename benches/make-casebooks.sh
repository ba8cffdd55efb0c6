#!/usr/bin/env bash
# Generate the casebooks the scale benchmarks read: 1,000, 10,000 and 100,000 cases
# (about 10 questions and 5 events each) in $FOI_BENCH_DIR (default /tmp/foi-bench).
# Never inside the repository: the biggest is ~360 MB.
set -euo pipefail
dir="${FOI_BENCH_DIR:-/tmp/foi-bench}"
mkdir -p "$dir"
cargo build --release --example gen
for n in 1000 10000 100000; do
    db="$dir/cases-$n.db"
    if [ -e "$db" ]; then
        echo "$db exists: kept"
    else
        target/release/examples/gen --cases "$n" --db "$db"
    fi
done
