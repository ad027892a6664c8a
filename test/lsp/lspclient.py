"""A small scripted LSP client (stdlib only) for testing bpfverify-lsp:
starts a server, sends requests and notifications, and waits for
responses and notifications with deadlines."""
import json
import os
import queue
import subprocess
import threading
import time


class LspClient:
    def __init__(self, argv, cwd=None, stderr=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr, cwd=cwd)
        self.inbox = queue.Queue()
        self.next_id = 1
        self.backlog = []
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            body = out.read(length)
            self.inbox.put((time.monotonic(), json.loads(body)))

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return rid

    def _answer_server_request(self, msg):
        # clangd asks for progress tokens and the like; answer null.
        if "method" in msg and "id" in msg:
            self.send({"id": msg["id"], "result": None})

    def wait(self, pred, timeout, what):
        """The first message (in arrival order, backlog first) for which
        pred(msg) is true; (arrival time, msg). Raises on timeout."""
        for i, (t, m) in enumerate(self.backlog):
            if pred(m):
                del self.backlog[i]
                return t, m
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %s within %.1f s" % (what, timeout))
            try:
                item = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if item is None:
                raise EOFError("server closed its output while waiting for %s" % what)
            t, m = item
            self._answer_server_request(m)
            if pred(m):
                return t, m
            self.backlog.append((t, m))

    def response(self, rid, timeout=30):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout,
                         "response to request %d" % rid)[1]

    def drain(self):
        """Drops the backlog and whatever already arrived."""
        self.backlog = []
        while True:
            try:
                if self.inbox.get_nowait() is None:
                    return
            except queue.Empty:
                return

    def close(self):
        """shutdown, exit, end of input: the server's exit status (None
        when it had to be killed)."""
        for step in (lambda: self.response(self.request("shutdown", None), timeout=30),
                     lambda: self.notify("exit", None), lambda: self.proc.stdin.close()):
            try:
                step()
            except Exception as e:
                print("note: closing: %s" % e)
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


def uri(path):
    return "file://" + path


CAPABILITIES = {
    "textDocument": {
        "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
        "synchronization": {"didSave": True},
        "hover": {"contentFormat": ["plaintext", "markdown"]},
        "completion": {"completionItem": {"snippetSupport": False}},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
    },
}


def initialize(client, root):
    rid = client.request("initialize", {"processId": os.getpid(), "rootUri": uri(root),
                                        "capabilities": CAPABILITIES})
    resp = client.response(rid, timeout=30)
    client.notify("initialized", {})
    return resp
