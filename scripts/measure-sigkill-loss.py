"""How much typing a SIGKILL loses: the figure in docs/DATA-SAFETY.md, section 8.

Usage: python3 scripts/measure-sigkill-loss.py [BINARY]   (default target/release/fan-tracker;
TRIALS=n sets the number of kills, 12 by default). Needs Xvfb and xdotool.

Each trial starts the app on a fresh data folder under Xvfb (display :78, 1280x800), clicks
into the article note (at 1090,275 in the default layout), types "x" one key at a time every
8 ms (125 a second, if the machine keeps up) with a time stamp per key, kills the app with
SIGKILL after 1.5 to 4 s, and counts the keys that are not in library.json. The time lost is
from the first key not on disk to the kill.
"""
import subprocess, time, random, os, json, tempfile, signal, sys
BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/fan-tracker"
xvfb = subprocess.Popen(["Xvfb", ":78", "-noreset", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(1)
env = dict(os.environ, DISPLAY=":78", RUST_LOG="error")
env.pop("WAYLAND_DISPLAY", None)
def xdo(*args, **kw):
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, **kw)
def start():
    d = tempfile.mkdtemp()
    rt = os.path.join(d, "rt"); os.makedirs(rt)
    app = subprocess.Popen([BIN, "--data-dir", os.path.join(d, "data")], env=dict(env, XDG_RUNTIME_DIR=rt),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    w = xdo("search", "--sync", "--onlyvisible", "--name", "Fan Tracker").stdout.split()[0]
    time.sleep(1.5)
    xdo("windowfocus", "--sync", w)
    xdo("mousemove", "--sync", "1090", "275"); xdo("click", "1")
    time.sleep(0.5)
    return d, app
def note(d):
    try:
        lib = json.load(open(os.path.join(d, "data", "library.json")))
        return lib["library"]["dossiers"][0]["note"]
    except FileNotFoundError:
        return ""
import threading
results = []
for trial in range(int(os.environ.get("TRIALS", "12"))):
    d, app = start()
    stamps = []
    stop = threading.Event()
    def typer():
        next_t = time.monotonic()
        while not stop.is_set():
            xdo("type", "--delay", "0", "x")
            stamps.append(time.monotonic())
            next_t += 0.008
            pause = next_t - time.monotonic()
            if pause > 0:
                time.sleep(pause)
    th = threading.Thread(target=typer); th.start()
    time.sleep(random.uniform(1.5, 4.0))
    tk = time.monotonic()
    app.send_signal(signal.SIGKILL); app.wait()
    stop.set(); th.join()
    typed = sum(1 for t in stamps if t <= tk)
    saved = note(d).count("x")
    lost = typed - saved
    # Time from the first keystroke not on disk to the kill.
    lost_ms = (tk - stamps[saved]) * 1000 if lost > 0 else 0.0
    rate = typed / (stamps[typed - 1] - stamps[0]) if typed > 1 else 0
    results.append((lost, lost_ms))
    print(f"trial {trial}: typed {typed} ({rate:.0f}/s), saved {saved}, lost {lost} chars, {lost_ms:.0f} ms of typing")
xvfb.kill()
lost_chars = [r[0] for r in results]; lost_ms = [r[1] for r in results]
print(f"max lost: {max(lost_chars)} chars, {max(lost_ms):.0f} ms; median {sorted(lost_ms)[len(lost_ms)//2]:.0f} ms")
