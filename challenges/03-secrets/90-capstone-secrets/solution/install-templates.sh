#!/bin/sh
# Installs the newsletter templates from the private package registry, which wants a token,
# read from /run/secrets/registry_token (a BuildKit secret mount) or from REGISTRY_TOKEN.
set -eu
file=/run/secrets/registry_token
if [ -f "$file" ]; then token=$(cat "$file"); else token=${REGISTRY_TOKEN:-}; fi
[ -n "$token" ] || { echo "install-templates: no registry token" >&2; exit 1; }
mkdir -p templates
# No network in this exercise: a real build would download the templates here.
printf 'Hello {{name}}, here is what shipped this month.\n' > templates/newsletter.txt
printf 'token-sha256: %s\n' "$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)" > templates/.receipt
