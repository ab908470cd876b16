#!/bin/sh
# The reference pages as a person sees them: the English, zh_CN and de
# HTML pages of the shipped catalog in headless Chromium at 1280 and 390
# px: nothing overflows horizontally, every code has its anchor, Chinese is
# drawn with a CJK font. Screenshots go to $B/screenshots/ to look at.
B=${B:-build}
d=$B/tests/docs-browser
rm -rf "$d"
mkdir -p "$d"
command -v chromium >/dev/null 2>&1 || {
    echo "chromium is not installed (.ci/deps check installs it): NOT RUN"
    exit 77
}
fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || {
    echo "fonts-noto-cjk is not installed: NOT RUN"
    exit 77
}
$B/errcat-gen docs -o "$d/out" --po-dir po --format html catalog/csbs.xml \
    2> "$d/err" || { cat "$d/err"; exit 1; }
sed -n 's/.* code="\([^"]*\)".*/\1/p' catalog/csbs.xml | sort -u > "$d/codes"
[ -s "$d/codes" ] || { echo "no codes found in catalog/csbs.xml"; exit 1; }
set --
for l in en zh_CN de $(sed -e 's/#.*//' po/LINGUAS); do
    case " $* " in *"/$l/"*) continue ;; esac
    case $l in zh*) cjk=:cjk ;; *) cjk= ;; esac
    set -- "$@" "$d/out/$l/csbs.html:$d/codes$cjk"
done
/usr/bin/python3 tests/browser.py "$B/screenshots" "$@" || exit 1

# The check itself: a page with one unbreakable wide line must fail it,
# and so must one without a code's anchor.
mkdir -p "$d/bad"
sed 's|<main>|<main><pre style="white-space:pre">'"$(printf '%0200d' 0)"'</pre>|' \
    "$d/out/en/csbs.html" > "$d/bad/wide.html"
sed 's|<a id="CSBS.6000"|<a data-code="CSBS.6000"|' "$d/out/en/csbs.html" \
    > "$d/bad/anchor.html"
for f in wide anchor; do
    if /usr/bin/python3 tests/browser.py "$d/bad" \
            "$d/bad/$f.html:$d/codes" > "$d/bad/$f.log" 2>&1; then
        echo "FAIL: the page check passed $f.html"
        exit 1
    fi
done
grep -q 'overflows horizontally' "$d/bad/wide.log" &&
    grep -q 'no anchor for CSBS.6000' "$d/bad/anchor.log" ||
    { cat "$d/bad/wide.log" "$d/bad/anchor.log"; exit 1; }
echo "the page check fails a wide page and a missing anchor, as it should"
