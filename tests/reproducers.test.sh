#!/bin/sh
# The errcat command on the reproducers of seven differences from GNU
# gettext, Python's gettext, webob, babel and RFC 4647 that were bugs:
# each gives the peers' answer now (the peer suites compare the rest).
B=${B:-build}
errcat=$(pwd)/$B/errcat
d=$(pwd)/$B/tests/reproducers
rm -rf "$d"
mkdir -p "$d"
fail=0
locale_of() {           # locale_of ENV... -- ARG...: the "locale" shown
    env -i PATH="$PATH" "$@" --json CSBS.6000 |
        sed -n 's/.*"locale": "\([^"]*\)".*/\1/p'
}
want() {                # want WHAT EXPECTED GOT
    [ "$2" = "$3" ] || { echo "FAIL: $1: got '$3', expected '$2'"; fail=1; }
}

# 1. LANGUAGE is honoured under C.UTF-8, as GNU gettext on Debian does.
want "LANG=C.UTF-8 LANGUAGE=de" de "$(locale_of LANG=C.UTF-8 LANGUAGE=de "$errcat")"
# 2. A C or POSIX entry in LANGUAGE ends the search.
want "LANGUAGE=C:zh_CN" en \
    "$(locale_of LANG=de_DE.UTF-8 LANGUAGE=C:zh_CN "$errcat")"
want "LANGUAGE=POSIX:zh_CN" en \
    "$(locale_of LANG=de_DE.UTF-8 LANGUAGE=POSIX:zh_CN "$errcat")"
# 3. A .mo declaring charset=ASCII, or without a header, is read.
for kind in ascii none; do
    mkdir -p "$d/$kind/de/LC_MESSAGES"
    {
        [ $kind = none ] || printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ASCII\\n"\n\n'
        printf 'msgctxt "description"\nmsgid "The server does not exist."\nmsgstr "Den Server gibt es nicht."\n'
    } > "$d/$kind/de.po"
    msgfmt -o "$d/$kind/de/LC_MESSAGES/errcat-csbs.mo" "$d/$kind/de.po" || fail=1
    got=$(ERRCAT_LOCALEDIR=$d/$kind "$errcat" --lang de --json CSBS.6000 |
        sed -n 's/.*"description": "\([^"]*\)".*/\1/p')
    want "$kind .mo" "Den Server gibt es nicht." "$got"
    peer=$(env -i LANGUAGE=de LANG=C.UTF-8 TEXTDOMAINDIR=$d/$kind \
        gettext -d errcat-csbs -c description "The server does not exist.")
    want "$kind .mo, GNU gettext" "Den Server gibt es nicht." "$peer"
done
# 4. "*" never gives what the header excluded.
want "en;q=0, *, de;q=0.5" de \
    "$(locale_of "$errcat" --accept-language 'en;q=0, *, de;q=0.5')"
# 5. q=0 on a longer tag excludes that tag, not its language.
want "de, de-x-priv;q=0" de \
    "$(locale_of "$errcat" --accept-language 'de, de-x-priv;q=0')"
want "de, de-1996;q=0" de "$(locale_of "$errcat" --accept-language 'de, de-1996;q=0')"
want "de, de-CH;q=0" de "$(locale_of "$errcat" --accept-language 'de, de-CH;q=0')"
# 6. The script subtag is honoured: zh-Hant-CN is never Simplified; it is
#    zh_TW once that ships.
if grep -qx zh_TW po/LINGUAS; then hant=zh_TW hant_de=zh_TW; else hant=en hant_de=de; fi
want "zh-Hant-CN" $hant "$(locale_of "$errcat" --accept-language 'zh-Hant-CN')"
want "zh-Hant-CN, de;q=0.5" $hant_de \
    "$(locale_of "$errcat" --accept-language 'zh-Hant-CN, de;q=0.5')"
want "zh-Hans-TW" zh_CN "$(locale_of "$errcat" --accept-language 'zh-Hans-TW')"
want "--lang zh-Hant-CN" $hant "$(locale_of "$errcat" --lang zh-Hant-CN)"
# 7. The 64-item bound never drops an exclusion.
h="de-CH, de;q=0"
i=0
while [ $i -lt 63 ]; do h="$h, fr;q=0.5"; i=$((i + 1)); done
want "de-CH, de;q=0, 63 x fr" en "$(locale_of "$errcat" --accept-language "$h")"
exit $fail
