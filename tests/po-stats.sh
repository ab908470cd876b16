#!/bin/sh
# How complete each shipped translation is, in each text domain.
#   sh tests/po-stats.sh                      one line per language and domain
#   sh tests/po-stats.sh --markdown           the README's table
#   sh tests/po-stats.sh --readme FILE        rewrite FILE's marked block
#   sh tests/po-stats.sh --check-readme FILE  exit 1 if that block is stale
# Languages come from po/LINGUAS, domains from the PO directories (po/ and
# each po/*/ with a .pot); figures from msgfmt --statistics, nothing typed.
set -u
mode=${1:-}
file=${2:-}
begin='<!-- po-stats: begin; written by make po-readme from make po-stats -->'
end='<!-- po-stats: end -->'

langs=$(sed 's/#.*//' po/LINGUAS)
dirs=po
for x in po/*/; do
    set -- "$x"*.pot
    [ -f "$1" ] && dirs="$dirs ${x%/}"
done

domain() { set -- "$1"/*.pot; basename "$1" .pot; }

# translated total for one file, or "- -" when it does not exist
counts() {
    [ -f "$1" ] || { echo "- -"; return; }
    LC_ALL=C msgfmt --statistics -o /dev/null "$1" 2>&1 | awk '
    { for (i = 1; i < NF; i++) {
          if ($(i + 1) ~ /^translated/) t = $i
          if ($(i + 1) ~ /^fuzzy/) f = $i
          if ($(i + 1) ~ /^untranslated/) u = $i } }
    END { print t + 0, t + f + u }'
}

name() {
    case $1 in
    ar) echo "Arabic" ;;
    de) echo "German" ;;
    es) echo "Spanish (Latin America)" ;;
    pt_BR) echo "Portuguese (Brazil)" ;;
    zh_CN) echo "Chinese (Simplified)" ;;
    zh_TW) echo "Chinese (Traditional)" ;;
    *) echo "$1" ;;
    esac
}

lines() {
    for l in $langs; do
        for dir in $dirs; do
            set -- $(counts "$dir/$l.po")
            if [ "$1" = - ]; then
                printf '%-16s %-12s missing\n' "$dir/$l.po" "$(domain "$dir")"
            else
                printf '%-16s %-12s %s/%s %s%%\n' "$dir/$l.po" \
                    "$(domain "$dir")" "$1" "$2" $(($1 * 100 / $2))
            fi
        done
    done
}

markdown() {
    printf '| language | code |'
    for dir in $dirs; do printf ' %s |' "$(domain "$dir")"; done
    printf '\n|---|---|'
    for dir in $dirs; do printf -- '---|'; done
    printf '\n'
    for l in $langs; do
        printf '| %s | `%s` |' "$(name "$l")" "$l"
        for dir in $dirs; do
            set -- $(counts "$dir/$l.po")
            if [ "$1" = - ]; then
                printf ' missing |'
            else
                printf ' %s/%s (%s %%) |' "$1" "$2" $(($1 * 100 / $2))
            fi
        done
        printf '\n'
    done
}

block() { echo "$begin"; markdown; echo "$end"; }

# FILE with its marked block replaced by the current one, on stdout
spliced() {
    grep -qxF "$begin" "$1" && grep -qxF "$end" "$1" || {
        echo "po-stats: $1 has no po-stats block" >&2; return 1; }
    t=$(mktemp) || return 1
    block > "$t" || { rm -f "$t"; return 1; }
    awk -v b="$begin" -v e="$end" -v f="$t" '
    $0 == b { while ((getline l < f) > 0) print l; skip = 1; next }
    $0 == e { skip = 0; next }
    !skip' "$1"
    st=$?
    rm -f "$t"
    return $st
}

case $mode in
"") lines ;;
--markdown) markdown ;;
--readme)
    spliced "$file" > "$file.tmp" && mv "$file.tmp" "$file" ||
        { rm -f "$file.tmp"; exit 1; } ;;
--check-readme)
    c=$(mktemp) || exit 2
    spliced "$file" > "$c" || { rm -f "$c"; exit 1; }
    cmp -s "$file" "$c" || {
        diff -u "$file" "$c" | sed -n '/^[-+][^-+]/p'; rm -f "$c"; exit 1; }
    rm -f "$c" ;;
*) echo "usage: tests/po-stats.sh [--markdown | --readme FILE |" \
        "--check-readme FILE]" >&2; exit 2 ;;
esac
