#!/usr/bin/env python3
"""Startup, idle CPU and peak memory of desktop programs under X, side by side.

Used by scripts/bench-startup.sh (which starts Xvfb and prepares the data folders); run that.

For each run it subscribes to the X root window's MapNotify events, starts the program, and
stops the clock when the program's first top-level window is mapped (eframe maps its window
after the first frame is painted, so this is "exec to first visible window"). No polling: the
probe sleeps in XNextEvent, so it does not compete with the program for the CPU.
Then it waits for the window to settle, optionally measures CPU time over an idle period
(summed over all threads, from /proc/PID/task/*/schedstat, in nanoseconds), reads peak RSS
(VmHWM from /proc/PID/status), and stops the program with SIGTERM.
"""

import argparse
import ctypes
import ctypes.util
import os
import select
import signal
import statistics
import subprocess
import sys
import time

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


def open_x():
    xlib = ctypes.CDLL(ctypes.util.find_library("X11"))
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    xlib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    xlib.XPending.argtypes = [ctypes.c_void_p]
    xlib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
    display = xlib.XOpenDisplay(None)
    if not display:
        sys.exit("startup_probe: cannot open the X display (is DISPLAY set?)")
    root = xlib.XDefaultRootWindow(display)
    xlib.XSelectInput(display, root, SUBSTRUCTURE_NOTIFY_MASK)
    xlib.XSync(display, 0)
    return xlib, display


def drain(xlib, display):
    event = XEvent()
    while xlib.XPending(display):
        xlib.XNextEvent(display, ctypes.byref(event))


def wait_for_map(xlib, display, child, timeout):
    """When the first top-level window is mapped, the CPU time used by then, and its name."""
    fd = xlib.XConnectionNumber(display)
    event = XEvent()
    deadline = time.monotonic() + timeout
    while True:
        while xlib.XPending(display):
            xlib.XNextEvent(display, ctypes.byref(event))
            if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                now = time.monotonic()
                cpu = process_cpu_ms(child.pid)
                name = ctypes.c_char_p()
                xlib.XFetchName(display, event.xmap.window, ctypes.byref(name))
                return now, cpu, (name.value or b"").decode("utf-8", "replace")
        if child.poll() is not None:
            sys.exit(f"startup_probe: the program exited ({child.returncode}) before its window showed")
        left = deadline - time.monotonic()
        if left <= 0:
            sys.exit("startup_probe: no window within the timeout")
        select.select([fd], [], [], min(left, 0.5))


def cpu_ns(pid):
    """CPU time of all threads of `pid`, in nanoseconds."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total


def process_cpu_ms(pid):
    """User + system CPU time of `pid` so far, exited threads included (10 ms resolution)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def run_once(xlib, display, command, settle, idle):
    drain(xlib, display)
    start = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        mapped, cpu, name = wait_for_map(xlib, display, child, timeout=120)
        result = {"ms": (mapped - start) * 1000.0, "cpu_ms": cpu, "name": name}
        time.sleep(settle)
        if idle > 0:
            before = cpu_ns(child.pid)
            time.sleep(idle)
            result["idle_cpu_ms"] = (cpu_ns(child.pid) - before) / 1e6
        result["hwm_kb"] = status_kb(child.pid, "VmHWM")
        result["rss_kb"] = status_kb(child.pid, "VmRSS")
        return result
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--settle", type=float, default=1.0, help="seconds after the window maps")
    parser.add_argument("--idle", type=float, default=10.0, help="idle seconds measured once per program")
    parser.add_argument("--program", nargs=2, action="append", metavar=("LABEL", "COMMAND"),
                        required=True, help="label and shell-split command; the first is the baseline")
    args = parser.parse_args()
    programs = [(label, command.split()) for label, command in args.program]
    xlib, display = open_x()

    for label, command in programs:  # warm-up: page cache, shader caches
        run_once(xlib, display, command, settle=0.2, idle=0)
    samples = {label: [] for label, _ in programs}
    peaks = {label: [] for label, _ in programs}
    cpus = {label: [] for label, _ in programs}
    names = {}
    for i in range(args.runs):
        # Alternate, rotating which program goes first.
        for j in range(len(programs)):
            label, command = programs[(i + j) % len(programs)]
            result = run_once(xlib, display, command, args.settle, idle=0)
            samples[label].append(result["ms"])
            peaks[label].append(result["hwm_kb"])
            cpus[label].append(result["cpu_ms"])
            names[label] = result["name"]
    idle = {}
    if args.idle > 0:
        for label, command in programs:
            idle[label] = run_once(xlib, display, command, args.settle, args.idle)["idle_cpu_ms"]

    base = programs[0][0]
    base_ms, base_kb = median(samples[base]), median(peaks[base])
    base_cpu = median(cpus[base])
    print(f"{'program':<10} {'window':<15} {'median ms':>9} {'min':>6} {'max':>6} {'ratio':>5} "
          f"{'CPU ms':>6} {'ratio':>5} {'peak RSS MiB':>12} {'ratio':>5} {'idle CPU ms':>11}")
    for label, _ in programs:
        ms, kb, cpu = samples[label], median(peaks[label]), median(cpus[label])
        idle_text = f"{idle[label]:.1f}" if label in idle else "-"
        print(f"{label:<10} {names[label][:15]:<15} {median(ms):>9.1f} {min(ms):>6.0f} {max(ms):>6.0f} "
              f"{median(ms) / base_ms:>5.2f} {cpu:>6.0f} {cpu / base_cpu:>5.2f} "
              f"{kb / 1024:>12.1f} {kb / base_kb:>5.2f} {idle_text:>11}")
    print(f"runs: {args.runs} each, alternating; CPU ms = user+system time of all threads when the "
          f"window mapped; idle CPU over {args.idle:g} s after a {args.settle:g} s settle; "
          f"peak RSS = VmHWM; all medians")
    for label, _ in programs:
        print(f"raw {label}: " + " ".join(f"{v:.0f}" for v in samples[label]))


if __name__ == "__main__":
    main()
