#!/usr/bin/env bash
# The TUI's start as a user sees it: `foi` started in a new tmux pane of 120x40 (no
# test hook, any build), timed from the start of tmux until the pane shows the case
# list's title. The pane is read with `tmux capture-pane` in a loop, so the figure
# includes tmux's own start and a few milliseconds of polling; the same loop over a
# program that prints the title at once gives that floor (the first line of output).
#
#   benches/first-frame-tmux.sh DB [RUNS]      # FOI=path/to/foi, default target/release/foi
#
# Each run prints milliseconds; a summary (min, median, max) ends the output.
set -euo pipefail
db="$1"
runs="${2:-10}"
foi="${FOI:-$(pwd)/target/release/foi}"
today=2024-06-01

time_pane() {
    local session="foi-first-frame-$$"
    local t0 t1
    t0=$(date +%s%N)
    tmux new-session -d -s "$session" -x 120 -y 40 "$1"
    until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q 'Cases [0-9]'; do :; done
    t1=$(date +%s%N)
    tmux kill-session -t "$session"
    echo $(((t1 - t0) / 1000000))
}

summary() {
    sort -n | awk '{ a[NR] = $1 } END { printf "%s: min %d, median %d, max %d ms (%d runs)\n", label, a[1], a[int((NR + 1) / 2)], a[NR], NR }' label="$1"
}

floor=$(for _ in $(seq "$runs"); do time_pane "printf 'Cases 1\n'; sleep 5"; done | summary "floor (tmux + polling)")
echo "$floor"
times=$(for _ in $(seq "$runs"); do time_pane "$foi --db $db --today $today"; done)
echo "$times" | tr '\n' ' '
echo
echo "$times" | summary "foi first frame"
