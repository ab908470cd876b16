#!/bin/sh
# The errcat CLI at work: CSBS.6000, CSBS.6004 with an argument, and the two
# entries of CSBS.8026 told apart by their message, in English, Chinese and
# German.  Run by `make demo` as: sh tests/demo.sh build/errcat
set -eu
errcat=${1:-build/errcat}
# no system locales needed: liberrcat reads the .mo files itself
LOCPATH=$(mktemp -d)
export LOCPATH
trap 'rmdir "$LOCPATH"' EXIT

heading() {
    printf '\n=== %s ===\n\n' "$*"
}

for lang in en zh_CN de; do
    heading "$lang: CSBS.6000"
    "$errcat" --lang "$lang" CSBS.6000

    heading "$lang: CSBS.6004 with the argument ecs-01"
    "$errcat" --lang "$lang" --arg ecs-01 CSBS.6004

    heading "$lang: both entries of CSBS.8026"
    "$errcat" --lang "$lang" CSBS.8026
done

heading "an API error body, recognised and shown in German"
body='{"error_code":"CSBS.8026","error_msg":"The project p1 dec used capacity is 5, dec capacity is 4."}'
echo "$body"
echo
"$errcat" --lang de --body "$body"

heading "Accept-Language: fr;q=0.9, zh-Hans;q=0.8 (no French: Chinese)"
"$errcat" --accept-language 'fr;q=0.9, zh-Hans;q=0.8' --json CSBS.6000
