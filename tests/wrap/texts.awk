# Writes an errcat catalog of seeded-random texts that stress .pot line
# wrapping: long and short words, words longer than a line, hyphens,
# slashes, URLs, parentheses, quotes, backslashes, tabs, newlines,
# non-ASCII (accents, CJK, fullwidth punctuation) and placeholders of all
# three styles.    awk -v seed=N -v n=ENTRIES -f tests/wrap/texts.awk
BEGIN {
    srand(seed)
    nw = split("backup server the a of to is not policy replication " \
               "restoration vault region disk volume snapshot task " \
               "re-execute server-side up-to-date e.g. i.e. and/or " \
               "(ID) [name] {braces} \"quoted\" it's 100% 50-60 3.14 " \
               "back\\slash path/to/file http://example.com/a/b?c=d&e=f " \
               "user@example.com naïve Sicherung Größe São café " \
               "备份 服务器不存在 バックアップ 백업 ＩＤ （全角） 、。 " \
               "—dash «guillemets» …ellipsis " \
               "Supercalifragilisticexpialidocious_and_then_some_more_characters_beyond_a_line " \
               "x y z", word, " ")
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<catalog version=\"1\" name=\"wrap\" number=\"42\" domain=\"errcat-wrap\" prefix=\"WRAP\">"
    print "  <module id=\"m\">" text(3, 0) "</module>"
    for (i = 1; i <= n; i++) {
        style = int(rand() * 4)            # 0 none, 1 %s, 2 %(n)s, 3 {n}
        print "  <entry id=\"e" i "\" code=\"WRAP." i "\">"
        print "    <description>" text(1 + int(rand() * 60), 0) "</description>"
        nargs = 0
        msg = text(1 + int(rand() * 40), style)
        print "    <message>" msg "</message>"
        for (k = 1; k <= nargs; k++)
            if (style == 1)
                print "    <arg>argument " k "</arg>"
            else
                print "    <arg name=\"a" k "\">argument " k "</arg>"
        print "  </entry>"
    }
    print "</catalog>"
}

# n words joined by spaces (sometimes by a tab or a newline), with
# placeholders of the style mixed in.
function text(n, style,    s, j, w, sep) {
    s = ""
    for (j = 1; j <= n; j++) {
        w = word[1 + int(rand() * nw)]
        if (style == 0 && w == "{braces}")
            w = "braces"
        if (style != 0 && (w == "100%" || w == "{braces}"))
            w = "percent"
        if (style != 0 && rand() < 0.15) {
            nargs++
            w = style == 1 ? "%s" : style == 2 ? "%(a" nargs ")s" : "{a" nargs "}"
            if (rand() < 0.3)
                w = "(" w ")"
        }
        sep = rand() < 0.05 ? "\t" : rand() < 0.03 ? "\n" : " "
        s = s (j > 1 ? sep : "") w
    }
    gsub(/&/, "\\&amp;", s)
    gsub(/</, "\\&lt;", s)
    gsub(/>/, "\\&gt;", s)
    return s
}
