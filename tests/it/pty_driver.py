# Drives dubao in a pseudo-terminal of its own for tests/it/terminal.rs: signals, suspends, the
# terminal closing under it, bursts and malformed input. One JSON argument:
#   {"argv": [...], "env": {...}, "leader": bool, "steps": [[name, arg], ...]}
# With "leader", a session leader that ignores SIGHUP stands between the pty and dubao, so
# closing the pty sends dubao no SIGHUP (as when the leader is a shell with huponexit off).
# Prints one JSON object: what each step saw.
import fcntl, json, os, pty, select, signal, struct, sys, termios, threading, time

spec = json.loads(sys.argv[1])
DEADLINE = 15.0

pid_read, pid_write = os.pipe()
child, master = pty.fork()
if child == 0:
    os.close(pid_read)
    os.environ.update(spec["env"])
    if spec.get("leader"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        grandchild = os.fork()
        if grandchild == 0:
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
            os.execv(spec["argv"][0], spec["argv"])
        os.write(pid_write, str(grandchild).encode())
        os.close(pid_write)
        try:
            os.waitpid(grandchild, 0)
        finally:
            os._exit(0)
    os.write(pid_write, str(os.getpid()).encode())
    os.close(pid_write)
    os.execv(spec["argv"][0], spec["argv"])
    os._exit(127)

os.close(pid_write)
pid = int(os.read(pid_read, 64).decode())
fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

output = bytearray()
lock = threading.Lock()


closing = threading.Event()


def reader():
    # Never blocked in read for long: a blocked read keeps the pty open after close().
    while not closing.is_set():
        if not select.select([master], [], [], 0.02)[0]:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:
            return
        if not data:
            return
        with lock:
            output.extend(data)


reading = threading.Thread(target=reader, daemon=True)
reading.start()
mark = 0
status = None


def text():
    with lock:
        return bytes(output)


def proc_state():
    """The process's state letter (R, S, T, Z…), None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def gone():
    global status
    if not spec.get("leader"):
        if status is None:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
        return status is not None
    return proc_state() in (None, "Z", "X")


def terminal_state():
    out = text()
    try:
        icanon = bool(termios.tcgetattr(master)[3] & termios.ICANON)
    except termios.error:
        icanon = None
    return {
        "icanon": icanon,
        "alternate": out.rfind(b"\x1b[?1049h") > out.rfind(b"\x1b[?1049l"),
        "cursor_shown": out.rfind(b"\x1b[?25h") > out.rfind(b"\x1b[?25l"),
    }


def until(condition):
    start = time.monotonic()
    while time.monotonic() - start < DEADLINE:
        if condition():
            return True
        time.sleep(0.02)
    return False


results = []
for name, arg in spec["steps"]:
    if name == "wait":
        needle = arg.encode()
        ok = until(lambda: needle in text()[mark:])
        results.append({"step": name, "ok": ok})
        if not ok:
            results.append({"output": text()[-2000:].decode("utf-8", "replace")})
            break
    elif name == "mark":
        mark = len(text())
    elif name == "send":
        os.write(master, arg.encode())
    elif name == "sleep":
        time.sleep(float(arg))
    elif name == "signal":
        os.kill(pid, getattr(signal, "SIG" + arg))
    elif name == "stopped":
        ok = until(lambda: proc_state() == "T")
        time.sleep(0.1)
        results.append({"step": name, "ok": ok, **terminal_state()})
    elif name == "state":
        # With "raw": first wait (up to the deadline) for raw mode, which a resumed program
        # takes back a moment after it has redrawn.
        if arg == "raw":
            until(lambda: terminal_state()["icanon"] is False)
        results.append({"step": name, **terminal_state()})
    elif name == "absent":
        # Nothing holding `arg` is written for a third of a second.
        time.sleep(0.3)
        results.append({"step": name, "ok": arg.encode() not in text()[mark:]})
    elif name == "close":
        # The state seen last, then the terminal gone.
        final = terminal_state()
        closing.set()
        reading.join()
        os.close(master)
        results.append({"step": name, **final})
    elif name == "exit":
        start = time.monotonic()
        ok = until(gone)
        # What it wrote last may still be on its way through the pty: read until quiet.
        seen = -1
        while ok and seen != len(text()):
            seen = len(text())
            time.sleep(0.1)
        results.append({
            "step": name,
            "ok": ok,
            "seconds": round(time.monotonic() - start, 3),
            "status": status,
            **(terminal_state() if spec.get("leader") is not True and ok else {}),
        })
        if not ok:
            os.kill(pid, signal.SIGKILL)
            break

if not gone():
    os.kill(pid, signal.SIGKILL)
print(json.dumps(results))
