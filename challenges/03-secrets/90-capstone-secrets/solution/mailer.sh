#!/bin/sh
# The newsletter mailer: every few seconds it would send the queued newsletter through the SMTP
# relay. Its password comes from the file SMTP_PASSWORD_FILE names (a mounted secret), or from
# SMTP_PASSWORD in the environment, or from a .env file next to the script.
set -eu
cd "$(dirname "$0")"
if [ -n "${SMTP_PASSWORD_FILE:-}" ]; then
  SMTP_PASSWORD=$(cat "$SMTP_PASSWORD_FILE"); source="the file $SMTP_PASSWORD_FILE"
elif [ -n "${SMTP_PASSWORD:-}" ]; then
  source="the environment"
elif [ -f .env ]; then
  . ./.env; source=".env"
else
  echo "mailer: no SMTP password; set SMTP_PASSWORD_FILE to a mounted secret" >&2; exit 1
fi
[ -f templates/newsletter.txt ] || { echo "mailer: the templates were not installed" >&2; exit 1; }
echo "mailer: started, SMTP password read from $source"
while true; do
  # No network in this exercise: a real mailer would connect to the relay here.
  sleep 5
done
