#!/usr/bin/env python3
"""Time from exec to cairn's first frame, in a real pseudo-terminal.

usage: first_frame.py RUNS BINARY ARGS...

Starts cairn in an 80x24 pty, reads until the welcome screen is drawn,
records the time, quits with ctrl+c and waits for the exit. Prints the
median and 90th percentile in milliseconds.
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

MARKERS = (b"Begin", b"Welcome back")

def once(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic()
    seen, took = b"", None
    while took is None:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            raise SystemExit("no first frame within 5 s")
        try:
            seen += os.read(fd, 65536)
        except OSError:
            raise SystemExit("cairn exited before drawing: %r" % seen[-300:])
        if any(m in seen for m in MARKERS):
            took = time.monotonic() - start
    os.write(fd, b"\x03")
    while True:
        r, _, _ = select.select([fd], [], [], 5)
        try:
            if not r or not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return took * 1000

def main():
    runs, argv = int(sys.argv[1]), sys.argv[2:]
    times = sorted(once(argv) for _ in range(runs))
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print("first frame: median %.1f ms, p90 %.1f ms (%d runs)" % (statistics.median(times), p90, runs))

main()
