#!/bin/sh
# Takes each job file from the queue, "renders" it, and moves it to done/. It only reads and
# writes files in its own folder, so it needs no kernel capability at all.
set -eu
mkdir -p queue done
echo "thumbnail-worker: watching queue/"
while true; do
  for job in queue/*.job; do
    [ -e "$job" ] || continue
    echo "rendered $(cat "$job")" > "done/$(basename "$job" .job).txt"
    rm -f "$job"
  done
  date -u '+%s' > heartbeat
  sleep 2
done
