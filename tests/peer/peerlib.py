"""peerlib.py - what the peer suites share: the errcat_peer driver, one
process answering many queries, and the report of disagreements (each
either listed with its reason or a failure)."""

import subprocess
import sys


class Driver:
    """tests/peer/errcat_peer.c: one liberrcat process, many queries."""

    def __init__(self, path, catalog_dir, fixture_dir):
        self.p = subprocess.Popen([path, catalog_dir, fixture_dir],
                                  stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True,
                                  encoding="utf-8")

    def _ask(self, line):
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()
        out = []
        while True:
            got = self.p.stdout.readline()
            if got == "":
                raise RuntimeError("errcat_peer ended on: " + line)
            got = got.rstrip("\n")
            if got == ".":
                return out
            out.append(unescape(got))

    def env(self, env):
        self.p.stdin.write("\t".join(["env"] + ["%s=%s" % kv
                                                for kv in env.items()])
                           + "\n")

    def texts(self):
        return self._ask("texts")

    def source(self):
        return self._ask("source")

    def accept(self, header):
        return self._ask("accept\t" + header)[0]

    def close(self):
        self.p.stdin.close()
        if self.p.wait() != 0:
            raise RuntimeError("errcat_peer failed")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append("\n" if s[i + 1] == "n" else s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


class Report:
    """Counts comparisons; a disagreement is listed (with its reason) or
    new, and a new one fails the suite."""

    def __init__(self, name):
        self.name = name
        self.compared = {}
        self.listed = {}
        self.new = []

    def compare(self, peer, n=1):
        self.compared[peer] = self.compared.get(peer, 0) + n

    def listed_difference(self, peer, reason, n=1):
        key = (peer, reason)
        self.listed[key] = self.listed.get(key, 0) + n

    def new_difference(self, text):
        self.new.append(text)

    def finish(self):
        for peer, n in sorted(self.compared.items()):
            print("%s: %d comparisons with %s" % (self.name, n, peer))
        for (peer, reason), n in sorted(self.listed.items()):
            print("  listed, %d with %s: %s" % (n, peer, reason))
        for t in self.new[:40]:
            print("NEW DISAGREEMENT: " + t)
        if len(self.new) > 40:
            print("... and %d more" % (len(self.new) - 40))
        if self.new:
            print("%s: %d new disagreement(s): FAIL" % (self.name,
                                                       len(self.new)))
            sys.exit(1)
        print("%s: no disagreement but those listed" % self.name)
