#!/bin/sh
# Renders the status page into a cache (stamped with the start time), records the server's pid,
# then replaces itself with the web server, which keeps the same pid.
set -eu
cache=/tmp/status-cache
mkdir -p "$cache"
sed "s/@STARTED@/$(date -u '+%Y-%m-%d %H:%M UTC')/" /app/index.html > "$cache/index.html"
echo $$ > /tmp/status.pid
exec httpd -f -p 8080 -h "$cache"
