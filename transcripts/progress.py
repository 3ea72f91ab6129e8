"""A progress line for management commands: count, rate and ETA, redrawn in place on a terminal."""

from __future__ import annotations

import time


class Progress:
    """Count, rate and ETA on stderr, redrawn in place on a terminal."""

    def __init__(self, total: int, stream, unit: str = "files"):
        self.total, self.stream, self.start, self.done = total, stream, time.monotonic(), 0
        self.unit = unit
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def step(self) -> None:
        self.done += 1
        if self.total < 2:
            return
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else 0
        width = 30
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "." * (width - filled)
        line = f"[{bar}] {self.done}/{self.total} {rate:.1f} {self.unit}/s ETA {eta:.0f}s"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if self.done == self.total else ""))
        elif self.done == self.total or self.done % 50 == 0:
            self.stream.write(line + "\n")
        self.stream.flush()
