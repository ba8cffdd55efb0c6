#!/usr/bin/env bash
# The command-line figures of BENCHMARKS.md: `foi list/due/search/show --json` against
# the sqlite3 shell reading every table of the same file (the floor the bars are measured against), peak
# memory, and the TUI's real start-up (process start to first frame, through the
# FOI_BENCH_EXIT_AFTER_FIRST_FRAME=1 hook) in a tmux terminal of 160x48.
#
#   benches/make-casebooks.sh && cargo build --release --features test-hooks && benches/cli.sh [SIZE...]
#
# Needs hyperfine, sqlite3, tmux and GNU time (apt-get install hyperfine sqlite3 tmux time).
# Results go to $FOI_BENCH_DIR/results (markdown and JSON from hyperfine).
set -euo pipefail
dir="${FOI_BENCH_DIR:-/tmp/foi-bench}"
out="$dir/results"
mkdir -p "$out"
foi="$(pwd)/target/release/foi"  # built with --features test-hooks (the first-frame exit)
today=2024-06-01
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
runs="${RUNS:-10}"

for n in "${sizes[@]}"; do
    db="$dir/cases-$n.db"
    [ -e "$db" ] || { echo "skipping $n: $db is missing (benches/make-casebooks.sh)"; continue; }
    tables="for t in cases questions events authorities case_tags case_digest; do sqlite3 $db \"select * from \$t\"; done"
    hyperfine -N --warmup 2 --runs "$runs" --style basic \
        --export-markdown "$out/cli-$n.md" --export-json "$out/cli-$n.json" \
        -n "sqlite3 .dump" "sqlite3 $db .dump" \
        -n "sqlite3 select * (every table)" "bash -c '$tables'" \
        -n "foi list --json" "$foi --db $db --today $today list --json" \
        -n "foi due --json" "$foi --db $db --today $today due --json" \
        -n "foi search council" "$foi --db $db --today $today search council --json" \
        -n "foi show 42" "$foi --db $db --today $today show 42 --json" \
        > /dev/null
    echo "== $n cases: peak RSS (MB)" | tee "$out/rss-$n.txt"
    for cmd in "list --json" "due --json" "search council --json" "show 42 --json"; do
        # shellcheck disable=SC2086
        kb=$(/usr/bin/time -f %M "$foi" --db "$db" --today "$today" $cmd 2>&1 >/dev/null | tail -1)
        echo "foi $cmd: $((kb / 1024))" | tee -a "$out/rss-$n.txt"
    done
done

# The TUI's first frame: a real terminal (tmux), the real binary, the hook.
for n in "${sizes[@]}"; do
    db="$dir/cases-$n.db"
    [ -e "$db" ] || continue
    session="foi-bench-$$"
    tmux new-session -d -s "$session" -x 160 -y 48
    tmux send-keys -t "$session" "hyperfine -N --warmup 3 --runs $runs --output=inherit --export-json $out/tui-$n.json 'env FOI_BENCH_EXIT_AFTER_FIRST_FRAME=1 $foi --db $db --today $today' 2> $out/tui-$n.err; tmux wait-for -S $session" Enter
    tmux wait-for "$session"
    tmux kill-session -t "$session"
    python3 - "$out/tui-$n.json" "$n" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"== {sys.argv[2]} cases: TUI process start -> first frame: mean {r['mean']*1e3:.0f} ms, "
      f"median {r['median']*1e3:.0f} ms, min {r['min']*1e3:.0f} ms, max {r['max']*1e3:.0f} ms")
PY
done
