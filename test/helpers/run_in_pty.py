"""Runs a command in a pseudo-terminal of a given size, relaying stdin to it and its output to
stdout: the end-to-end test drives the real CLI through this, as a terminal would. Python's pty
module is in the standard library, so nothing native has to build (node-pty would).
usage: python3 run_in_pty.py ROWS COLS command [args...]; exits with the command's exit code.
With RUN_IN_PTY_ANNOUNCE set, its value is written to stderr just before the command starts, so a
benchmark can time the command from there rather than from Python's own start-up (~130 ms here)."""
import fcntl
import os
import pty
import select
import struct
import sys
import termios

rows, cols, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
announce = os.environ.pop("RUN_IN_PTY_ANNOUNCE", None)
if announce:
    os.write(sys.stderr.fileno(), announce.encode())
pid, master = pty.fork()
if pid == 0:
    # A terminal with no size makes Ink draw one character per line: set it before the CLI starts.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execvp(command[0], command)

inputs = [master, sys.stdin.fileno()]
while True:
    try:
        ready, _, _ = select.select(inputs, [], [], 0.5)
    except InterruptedError:
        continue
    if master in ready:
        try:
            data = os.read(master, 65536)
        except OSError:
            data = b""
        if not data:
            break
        os.write(sys.stdout.fileno(), data)
    if sys.stdin.fileno() in ready:
        data = os.read(sys.stdin.fileno(), 65536)
        if data:
            os.write(master, data)
        else:
            inputs.remove(sys.stdin.fileno())

_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)
