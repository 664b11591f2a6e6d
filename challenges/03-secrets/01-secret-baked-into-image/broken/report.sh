#!/bin/sh
# The usage-report worker: every few seconds it sends a usage report to the billing API.
# It looks for its API key in three places, first match wins:
#   1. the file named by API_KEY_FILE (a secret mounted at runtime, e.g. /run/secrets/api_key)
#   2. a .env file next to this script (how the team ran it on laptops)
#   3. the API_KEY environment variable
set -eu
cd "$(dirname "$0")"
if [ -n "${API_KEY_FILE:-}" ]; then
  API_KEY=$(cat "$API_KEY_FILE")
  source="the file $API_KEY_FILE"
elif [ -f .env ]; then
  . ./.env
  source=".env"
else
  source="the environment"
fi
if [ -z "${API_KEY:-}" ]; then
  echo "report-worker: no API key; set API_KEY_FILE to the path of a mounted secret file" >&2
  exit 1
fi
# Say where the key came from, never the key itself: logs are read by many people.
echo "report-worker: started, API key read from $source"
while true; do
  # No network in this exercise: a real worker would send its report to the billing API here.
  sleep 5
done
