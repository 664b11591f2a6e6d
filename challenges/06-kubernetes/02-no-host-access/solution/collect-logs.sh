#!/bin/sh
# Follows every *.log file under LOG_DIR and prints each new line tagged with the pod and node it
# came from, for the cluster's log pipeline to pick up from this container's stdout.
LOG_DIR="${LOG_DIR:-/var/log/status-page}"
TAG="${POD_NAMESPACE:-?}/${POD_NAME:-?} on ${NODE_NAME:-?}"
# The log folder is the volume the web container writes into: without it there is nothing to follow.
if [ ! -d "$LOG_DIR" ]; then
  echo "collector: $LOG_DIR does not exist; mount the log volume the web container writes into" >&2
  exit 1
fi
echo "collector: following $LOG_DIR/*.log"
while true; do
  # The app may not have written its first line yet: wait for a file instead of exiting.
  set -- "$LOG_DIR"/*.log
  if [ -e "$1" ]; then
    tail -F "$@" | while IFS= read -r line; do echo "[$TAG] $line"; done
  fi
  sleep 5
done
