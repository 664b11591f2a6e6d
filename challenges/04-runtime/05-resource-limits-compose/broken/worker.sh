#!/bin/sh
# Checks the queue every two seconds and records a heartbeat. One shell and one `sleep` at a
# time: it never needs more than a handful of processes or a few MiB of memory.
set -eu
queue=/tmp/queue
mkdir -p "$queue"
echo "resize-worker: watching $queue"
while true; do
  for job in "$queue"/*.job; do
    [ -e "$job" ] || continue
    echo "resized $(cat "$job")"
    rm -f "$job"
  done
  date -u '+%s' > /tmp/heartbeat
  sleep 2
done
