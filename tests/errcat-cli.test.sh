#!/bin/sh
# The errcat command (build/errcat): the acceptance lines of its specification, exit
# statuses, refused locale names, and --json --all against the catalog.
B=${B:-build}
top=$(pwd)
errcat=$top/$B/errcat
d=$top/$B/tests/errcat-cli
rm -rf "$d"
mkdir -p "$d/nolocales"
fail=0
expect() {              # expect STATUS DESCRIPTION ARG...
    want=$1 what=$2
    shift 2
    "$errcat" "$@" > "$d/out.txt" 2> "$d/err.txt"
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"
        cat "$d/out.txt" "$d/err.txt"
        fail=1
    fi
}
has() {                 # has DESCRIPTION FILE FIXED-STRING
    grep -qF -- "$3" "$2" || { echo "FAIL: $1: no '$3' in"; cat "$2"; fail=1; }
}

# The translation of an English text of a field, read from po/LANG.po, so
# that translators can improve texts without touching this test.
po_text() {             # po_text LANG CONTEXT MSGID
    LC_ALL=C.UTF-8 msggrep --msgid -F -e "$3" "po/$1.po" |
        LC_ALL=C.UTF-8 msggrep --msgctxt -F -e "$2" |
        LC_ALL=C.UTF-8 msgexec sh -c '[ -z "$MSGEXEC_MSGID" ] || cat'
}

# The translation of one of errcat's own texts (po/errcat/LANG.po).
own() {                 # own LANG MSGID
    LC_ALL=C.UTF-8 msgexec -i "po/errcat/$1.po" \
        sh -c '[ "$MSGEXEC_MSGID" != "$0" ] || cat' "$2"
}

# No locale environment: English unless asked.
unset LANGUAGE LC_ALL LC_MESSAGES LANG

LOCPATH=$d/nolocales expect 0 "zh_CN without system locales" \
    --lang zh_CN CSBS.6000
has "zh_CN description" "$d/out.txt" \
    "$(po_text zh_CN description 'The server does not exist.')"
has "zh_CN locale" "$d/out.txt" "$(own zh_CN locale:) zh_CN"

expect 0 "Accept-Language" --accept-language 'fr;q=0.9, de;q=0.8' CSBS.6000
has "German description" "$d/out.txt" \
    "$(po_text de description 'The server does not exist.')"
has "says German" "$d/out.txt" \
    "$(own de locale:) de ($(own de 'negotiated from Accept-Language'))"

expect 0 "body, German" --lang de --json --body \
    '{"error_code":"CSBS.8026","error_msg":"volume backup is not supported replication."}'
has "VBS entry" "$d/out.txt" '"id": "vbs_no_cross_region"'
has "in German" "$d/out.txt" '"locale": "de"'
has "German text" "$d/out.txt" \
    "$(po_text de description 'VBS does not support cross-region replication.')"

expect 0 "body with arguments" --json --body \
    '{"error_code":"CSBS.8026","error_msg":"The project p1 dec used capacity is 5, dec capacity is 4."}'
has "capacity entry" "$d/out.txt" '"id": "dedicated_capacity_insufficient"'
has "arguments" "$d/out.txt" '"args": ["p1", "5", "4"]'

expect 0 "OpenStack body, by HTTP status" --json --body \
    '{"badRequest": {"message": "Server (ecs-01) is already in service.", "code": 400}}'
has "entry by status" "$d/out.txt" '"args": ["ecs-01"]'
has "CSBS.6004 and CSBS.6005 share it" "$d/out.txt" '"ambiguous": true'
expect 0 "body matched by code only" --json --body \
    '{"error": {"code": "CSBS.6000", "message": "the server is gone"}}'
has "by code only" "$d/out.txt" '"by_code_only": true'
has "its entry" "$d/out.txt" '"id": "server_not_found"'

expect 0 "two entries of a code" CSBS.9009
[ "$(grep -c '^CSBS.9009 ' "$d/out.txt")" = 2 ] ||
    { echo "FAIL: CSBS.9009 does not show 2 entries"; fail=1; }
expect 0 "an id" server_not_found
has "id" "$d/out.txt" "CSBS.6000 (HTTP 400, Shared)"
expect 0 "a constant" CSBS_SERVER_NOT_FOUND
has "constant" "$d/out.txt" "CSBS.6000"
value=$(sed -n 's/.*CSBS_SERVER_NOT_FOUND = \([0-9]*\)).*/\1/p' "$d/out.txt")
expect 0 "a value" "$value"
has "value" "$d/out.txt" "CSBS.6000"
expect 0 "an argument" --lang de --arg ecs-01 CSBS.6004
has "formatted" "$d/out.txt" "(ecs-01)"
LANG=de_DE.UTF-8 expect 0 "LANG" CSBS.6000
has "LANG" "$d/out.txt" "$(own de locale:) de"
LANG=de_DE.UTF-8 LANGUAGE=zh_CN expect 0 "LANGUAGE" CSBS.6000
has "LANGUAGE" "$d/out.txt" "$(own zh_CN locale:) zh_CN"
ERRCAT_LOCALEDIR=$d/nolocales expect 0 "ERRCAT_LOCALEDIR" --lang de CSBS.6000
has "ERRCAT_LOCALEDIR" "$d/out.txt" "locale:  en"

expect 1 "unknown code" CSBS.4242
has "unknown code" "$d/err.txt" "errcat: unknown code 'CSBS.4242'"
expect 1 "one unknown of two" CSBS.6000 CSBS.4242
expect 1 "unmatched body" --body '{"error_code":"CSBS.8026","error_msg":"nope"}'
expect 1 "not a body" --body '{"error_code":8026}'
expect 1 "not JSON" --body 'error'
expect 2 "no code" --lang de
expect 2 "bad option" --frobnicate CSBS.6000
expect 2 "two locale options" --lang de --accept-language de CSBS.6000
expect 2 "codes and --all" --all CSBS.6000
expect 2 "missing value" CSBS.6000 --lang
long=$(printf '%070d' 0 | tr 0 a)
for bad in ../de de/../../etc /etc "$(printf 'de\001')" "$long" ".." "de de"; do
    expect 2 "locale name '$bad'" --lang "$bad" CSBS.6000
    has "locale message" "$d/err.txt" "errcat: invalid locale name '"
done

# --json --all: 66 objects, each as the catalog has it.
expect 0 "--json --all" --json --all
[ "$(grep -c '^{"code": ' "$d/out.txt")" = 66 ] ||
    { echo "FAIL: --json --all does not print 66 objects"; fail=1; }
i=1
while [ $i -le 66 ]; do
    e="//entry[$i]"
    want=$(xmllint --xpath "concat('{\"code\": \"', $e/@code, '\", \"id\": \"', $e/@id,
        '\", \"module\": \"', //module[@id=$e/@module], '\", \"http_status\": ',
        $e/@http-status, ', \"description\": \"', $e/description,
        '\", \"message\": \"', $e/message, '\", \"measure\": \"', $e/measure,
        '\", \"unused\": ', boolean($e/@unused = 'true'), ', \"locale\": \"en\"}')" \
        catalog/csbs.xml | sed 's/\(message": ".*\)"\(", "measure\)/\1\\"\2/')
    got=$(sed -n "$((i + 1))p" "$d/out.txt" | sed 's/,$//')
    [ "$got" = "$want" ] || { echo "FAIL: entry $i"; echo " got: $got";
        echo "want: $want"; fail=1; }
    i=$((i + 1))
done
exit $fail
