#!/usr/bin/env bash
# Peak memory of the real TUI at a size: start it in a tmux terminal (160x48), wait for
# the background read of the questions, filter (`/council`, ` category`, backspaces,
# Esc, `/zzqx`), then read VmHWM (peak resident set) from /proc and quit.
#
#   benches/tui-mem.sh [SIZE] [FOI]   (default 100000 and target/release/foi)
set -euo pipefail
n="${1:-100000}"
foi="$(realpath "${2:-target/release/foi}")"
db="${FOI_BENCH_DIR:-/tmp/foi-bench}/cases-$n.db"
[ -e "$db" ] || { echo "skipping: $db is missing (benches/make-casebooks.sh)"; exit 0; }
s="foi-mem-$$"
tmux new-session -d -s "$s" -x 160 -y 48
tmux send-keys -t "$s" "$foi --db $db --today 2024-06-01" Enter
sleep 3
pid=$(pgrep -n -f "$foi --db $db --today 2024-06-01")
for k in / c o u n c i l; do tmux send-keys -t "$s" "$k"; sleep 0.2; done
tmux send-keys -t "$s" " category"; sleep 1
tmux send-keys -t "$s" BSpace BSpace BSpace; sleep 0.5
tmux send-keys -t "$s" Escape; sleep 0.3
for k in / z z q x; do tmux send-keys -t "$s" "$k"; sleep 0.2; done
sleep 1
echo "$n cases: TUI start + filter: $(grep -E 'VmHWM' /proc/"$pid"/status | tr -s ' \t' ' ') (peak), $(grep -E 'VmRSS' /proc/"$pid"/status | tr -s ' \t' ' ') (now)"
tmux send-keys -t "$s" Escape Escape q
sleep 0.5
tmux kill-session -t "$s" 2>/dev/null || true
