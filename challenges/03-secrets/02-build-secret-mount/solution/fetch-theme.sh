#!/bin/sh
# Installs the company's private site theme from the internal package registry, which wants a
# token. The token is read from the file REGISTRY_TOKEN_FILE names (default: the BuildKit
# secret mount /run/secrets/registry_token), or from REGISTRY_TOKEN.
set -eu
file=${REGISTRY_TOKEN_FILE:-/run/secrets/registry_token}
if [ -f "$file" ]; then
  token=$(cat "$file")
else
  token=${REGISTRY_TOKEN:-}
fi
if [ -z "$token" ]; then
  echo "fetch-theme: no registry token: mount the secret registry_token" >&2
  exit 1
fi
# No network in this exercise: a real build would download the theme with the token here.
printf 'body { font-family: sans-serif; max-width: 40em; margin: auto; }\n' > theme.css
# The registry's download receipt names the token by its SHA-256, never by its value.
printf 'token-sha256: %s\n' "$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)" > .theme-receipt
echo "fetch-theme: theme installed"
