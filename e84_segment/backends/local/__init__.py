"""PyTorch on this machine: CPU by default, CUDA when present, never required.

Import only when a local step runs: torch takes seconds to load and QGIS must start fast.
"""
