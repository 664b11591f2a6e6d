#!/bin/sh
# The search indexer: every two seconds it indexes the documents shipped in /app/docs into a
# scratch index under /tmp. It needs no privilege at all: it reads its own files and writes /tmp.
set -eu
mkdir -p /tmp/index
while true; do
  count=0
  for doc in /app/docs/*.txt; do
    tr -cs 'A-Za-z' '\n' < "$doc" | sort -u > "/tmp/index/$(basename "$doc" .txt).words"
    count=$((count + 1))
  done
  echo "indexer: indexed $count documents"
  sleep 2
done
