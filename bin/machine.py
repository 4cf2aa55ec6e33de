"""The machine a report ran on: the CPU's model name and the vector flags that matter to nn."""

import platform


def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def flags():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    have = set(line.split(":", 1)[1].split())
                    return ", ".join(f for f in ("avx2", "fma", "avx512f", "avx512vl") if f in have)
    except OSError:
        pass
    return "unknown"
