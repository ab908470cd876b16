#!/bin/sh
# Placeholders as the GNU tools see them, on tests/golden/styles.pot (every
# style errcat reads): each message's format flag is the one xgettext
# gives the same string, and msgfmt -c, guided by those flags, refuses a
# translation that loses or changes a placeholder.
B=${B:-build}
d=$B/tests/placeholders
rm -rf "$d"
mkdir -p "$d"
pot=tests/golden/styles.pot
fail=0

# "FLAG<TAB>MSGID" for each message of a .po/.pot; "none" without a flag.
flags() {
    awk '
    /^#, / { f = $0; sub(/^#, /, "", f); sub(/,.*/, "", f) }
    /^msgid "/ {
        m = substr($0, 8, length($0) - 8)
        if (m != "") print ((f == "" || f ~ /^no-/) ? "none" : f) "\t" m
        f = ""
    }
    /^$/ { f = "" }' "$1"
}

# Where xgettext 0.21 and errcat differ on purpose (README, Placeholders):
# "% u" is a conversion to xgettext, text to errcat (with a warning), and
# so is "% i" after a bare %(region); xgettext 0.21 does not know
# {name!r}, {} or the grouping of {big:,d}.
known() {
    case $1 in
    "Storage 100% used") return 0 ;;
    "Values %(hex)x and %(exp)e, region %(region) is closed") return 0 ;;
    "Counts {hex:x}, {exp:e} and {big:,d}") return 0 ;;
    "Unknown parameter {name!r}") return 0 ;;
    "Cannot attach {} to {} ({{retry}})") return 0 ;;
    esac
    return 1
}

flags "$pot" > "$d/errcat.flags"
[ -s "$d/errcat.flags" ] || { echo "FAIL: no message in $pot"; exit 1; }
cut -f2 "$d/errcat.flags" | sed 's/.*/_("&");/' > "$d/msgs.c"
cut -f2 "$d/errcat.flags" | sed 's/.*/_("&")/' > "$d/msgs.py"
xgettext -k_ --from-code=UTF-8 -o "$d/c.pot" "$d/msgs.c" &&
    xgettext -k_ --from-code=UTF-8 -o "$d/py.pot" "$d/msgs.py" ||
    { echo "FAIL: xgettext"; exit 1; }
flags "$d/c.pot" > "$d/c.flags"
flags "$d/py.pot" > "$d/py.flags"
checked=0
while IFS='	' read -r ours msgid; do
    c=$(awk -F'\t' -v m="$msgid" '$2 == m { print $1 }' "$d/c.flags")
    py=$(awk -F'\t' -v m="$msgid" '$2 == m { print $1 }' "$d/py.flags")
    case $ours in
    c-format) ok=$([ "$c" = c-format ] && echo y) ;;
    python-format) ok=$([ "$py" = python-format ] && [ "$c" = none ] && echo y) ;;
    python-brace-format) ok=$([ "$py" = python-brace-format ] && echo y) ;;
    *) ok=$([ "$c" = none ] && [ "$py" = none ] && echo y) ;;
    esac
    if [ -z "$ok" ]; then
        if known "$msgid"; then
            echo "known difference: $msgid: errcat $ours, xgettext C $c, Python $py"
            continue
        fi
        echo "FAIL: $msgid: errcat $ours, xgettext C $c, Python $py"
        fail=1
    fi
    checked=$((checked + 1))
done < "$d/errcat.flags"
echo "format flags agreeing with xgettext: $checked"
[ $checked -ge 10 ] || { echo "FAIL: too few messages compared"; fail=1; }

# msgfmt -c through those flags: the identity translation passes, each
# broken placeholder is refused. (msgfmt 0.21 cannot parse {name!r} or
# {}, so it checks neither message; liberrcat's check does.)
msgen -o "$d/en.po" "$pot" || { echo "FAIL: msgen"; exit 1; }
msgfmt -c -o /dev/null "$d/en.po" 2> "$d/en.err" ||
    { echo "FAIL: msgfmt -c refuses the identity translation"; cat "$d/en.err"; fail=1; }
for broken in 's/^msgstr "\(.*\)%(allowed)d/msgstr "\1%(allowd)d/' \
              's/^msgstr "\(.*\)%(reason)r/msgstr "\1%(reason)d/' \
              's/^msgstr "\(.*\) %lu GB/msgstr "\1 %u GB/' \
              's/^msgstr "Copy %2\$d of backup %1\$s/msgstr "Copy %2$s of backup %1$s/' \
              's/^msgstr "Resource {0} is in state {1}/msgstr "Resource {0}/'; do
    sed "$broken" "$d/en.po" > "$d/broken.po"
    if cmp -s "$d/en.po" "$d/broken.po"; then
        echo "FAIL: edit changed nothing: $broken"; fail=1
    elif msgfmt -c -o /dev/null "$d/broken.po" 2> /dev/null; then
        echo "FAIL: msgfmt -c accepts a broken placeholder: $broken"; fail=1
    fi
done
exit $fail
