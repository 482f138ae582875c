"""A small client for Chromium's DevTools protocol over --remote-debugging-pipe
(no network, no extra packages): the browser reads NUL-terminated JSON on fd 3
and writes on fd 4."""
import json
import os
import shutil
import subprocess
import tempfile
import time

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")


class BrowserUnavailable(Exception):
    pass


class Browser:
    def __init__(self, width=1280, height=800):
        if not os.path.exists(CHROMIUM):
            raise BrowserUnavailable(f"{CHROMIUM} is not installed (tools/setup.sh installs chromium)")
        self.profile = tempfile.mkdtemp(prefix="gk-chromium-")
        to_browser_r, self._w = os.pipe()
        self._r, from_browser_w = os.pipe()
        # Chromium expects the pipes as its fds 3 (in) and 4 (out).
        def child_fds():
            # Through fresh descriptors first: dup2 onto the same number would
            # keep close-on-exec set.
            r, w = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--allow-file-access-from-files",
             f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            preexec_fn=child_fds, close_fds=False,  # pass_fds would close 3 and 4 after the dup2
            stdout=subprocess.DEVNULL, stderr=open(os.environ.get("GK_CHROMIUM_LOG", os.devnull), "w"))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buf = b""
        self._id = 0
        self.events = []
        try:
            self.call("Browser.getVersion", timeout=30)
        except Exception as e:
            self.close()
            raise BrowserUnavailable(f"chromium did not start: {e}")
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def _read_message(self, deadline):
        while b"\0" not in self._buf:
            if time.time() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None, timeout=60):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self._id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def send(self, method, params=None, timeout=60):
        return self.call(method, params, self.session, timeout)

    def wait_event(self, name, timeout=30):
        deadline = time.time() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == name:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def goto(self, url):
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def js(self, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def click_element(self, selector):
        """Scrolls the element into view and clicks its centre as a user would."""
        r = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}});
            const b = e.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; }})()""")
        if r is None:
            raise AssertionError(f"no element {selector}")
        self.click(*r)

    def key(self, key, code=None):
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": code or key,
                                                 "windowsVirtualKeyCode": 13 if key == "Enter" else 0})

    def screenshot(self, path, scale=1.0):
        import base64
        params = {"format": "png"}
        if scale != 1.0:
            w, h = self.js("[innerWidth, innerHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": w, "height": h, "scale": scale}
        data = self.send("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
