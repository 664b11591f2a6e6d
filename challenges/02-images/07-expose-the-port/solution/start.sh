#!/bin/sh
# The order tracker: the public page on port 8080, and an internal metrics page on port 9090
# that only the container itself may read (it is bound to 127.0.0.1 on purpose).
set -eu
httpd -p 127.0.0.1:9090 -h /srv/metrics
exec httpd -f -p 8080 -h /srv/www
