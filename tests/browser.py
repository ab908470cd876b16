#!/usr/bin/python3
"""Looks at HTML pages as a person would: in headless Chromium.

    browser.py OUTDIR PAGE.html:CODES_FILE[:cjk] ...

For each page, at 1280 and 390 CSS pixels wide, it checks that nothing
overflows the viewport horizontally, that every code listed in CODES_FILE
(one a line) has its anchor, and, with ":cjk", that Chinese text is drawn
with a CJK font; it saves a full-page screenshot OUTDIR/NAME-WIDTH.png.
Chromium is driven over --remote-debugging-pipe (the DevTools protocol on
file descriptors 3 and 4), so the test needs nothing but Debian's chromium.
Exit status: 0 all good, 1 a check failed, 77 no chromium (skipped).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, exe):
        self.profile = tempfile.mkdtemp(prefix="errcat-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # The child's fd 3 reads commands, fd 4 writes answers.
        def setup():
            # Through fresh descriptors: a pipe may already be 3 or 4,
            # and dup2 onto itself would leave it close-on-exec.
            r, w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [exe, "--headless=new", "--remote-debugging-pipe",
             "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--hide-scrollbars",
             "--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=open(os.environ.get("BROWSER_LOG", os.devnull), "w"),
            preexec_fn=setup, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, session, timeout=30):
        deadline = time.time() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and m.get("sessionId") == session:
                    del self.events[i]
                    return m
            self.events.append(self._read_message(deadline))

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


LAYOUT_JS = r"""
(() => {
  const w = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5))
      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return JSON.stringify({
    scroll: document.documentElement.scrollWidth, client: w,
    height: document.documentElement.scrollHeight, wide: wide.slice(0, 5),
    lang: document.documentElement.lang, dir: document.documentElement.dir,
    external: [...document.querySelectorAll('[src],link[href]')].length
  });
})()
"""


def check_page(b, session, outdir, page, codes, cjk, width, failures):
    name = os.path.splitext(os.path.basename(page))[0]
    label = "%s/%s at %d px" % (os.path.basename(os.path.dirname(page)),
                                name, width)
    b.send("Emulation.setDeviceMetricsOverride",
           {"width": width, "height": 900, "deviceScaleFactor": 1,
            "mobile": width < 600}, session)
    b.send("Page.navigate", {"url": "file://" + os.path.abspath(page)},
           session)
    b.wait_event("Page.loadEventFired", session)
    b.send("Runtime.evaluate", {"expression": "document.fonts.ready",
                                "awaitPromise": True}, session)
    r = b.send("Runtime.evaluate", {"expression": LAYOUT_JS,
                                    "returnByValue": True}, session)
    layout = json.loads(r["result"]["value"])
    if layout["scroll"] > layout["client"] or layout["wide"]:
        failures.append("%s: overflows horizontally: scroll width %d > %d; %s"
                        % (label, layout["scroll"], layout["client"],
                           ", ".join(layout["wide"])))
    if layout["external"]:
        failures.append("%s: %d external resources" % (label,
                                                       layout["external"]))
    missing = []
    for code in codes:
        r = b.send("Runtime.evaluate", {
            "expression": "!!document.getElementById(%s)" % json.dumps(code),
            "returnByValue": True}, session)
        if not r["result"]["value"]:
            missing.append(code)
    if missing:
        failures.append("%s: no anchor for %s" % (label, ", ".join(missing)))
    if cjk:
        doc = b.send("DOM.getDocument", {"depth": 0}, session)
        node = b.send("DOM.querySelector", {
            "nodeId": doc["root"]["nodeId"],
            "selector": "td.desc"}, session)["nodeId"]
        fonts = b.send("CSS.getPlatformFontsForNode", {"nodeId": node},
                       session)["fonts"]
        names = [f["familyName"] for f in fonts]
        if not any("CJK" in n or "Han" in n for n in names):
            failures.append("%s: Chinese text drawn with %s, not a CJK font"
                            % (label, names))
    shot = b.send("Page.captureScreenshot",
                  {"format": "png", "captureBeyondViewport": True,
                   "clip": {"x": 0, "y": 0, "width": width,
                            "height": min(layout["height"], 6000),
                            "scale": 1}}, session, timeout=60)
    png = os.path.join(outdir, "%s-%s-%d.png" % (
        os.path.basename(os.path.dirname(page)), name, width))
    with open(png, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    # The first screen alone, as a person opening the page sees it.
    top = b.send("Page.captureScreenshot", {"format": "png"}, session)
    with open(png[:-4] + "-top.png", "wb") as f:
        f.write(base64.b64decode(top["data"]))
    print("%s: ok (%s, dir=%s), screenshot %s" % (label, layout["lang"],
                                                  layout["dir"], png)
          if not [x for x in failures if x.startswith(label)] else
          "%s: FAILED" % label)


def main(argv):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("chromium is not installed: the page test did NOT run")
        return 77
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    failures = []
    b = Browser(exe)
    try:
        target = b.send("Target.createTarget", {"url": "about:blank"})
        session = b.send("Target.attachToTarget",
                         {"targetId": target["targetId"],
                          "flatten": True})["sessionId"]
        for m in ("Page.enable", "DOM.enable", "CSS.enable"):
            b.send(m, {}, session)
        for spec in argv[2:]:
            parts = spec.split(":")
            page, codes_file = parts[0], parts[1]
            with open(codes_file) as f:
                codes = [c.strip() for c in f if c.strip()]
            for width in (1280, 390):
                check_page(b, session, outdir, page, codes,
                           "cjk" in parts[2:], width, failures)
    finally:
        b.close()
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
