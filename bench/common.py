"""What both benchmarks need: a headless QGIS with Processing and the plugin's provider."""
import sys


def start_qgis():
    """Returns (app, provider, processing); keep the first two referenced while they are used."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    from e84_segment.processing.provider import E84Provider

    Processing.initialize()
    provider = E84Provider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider, processing


# docs/benchmarks.md: the export figures first, then each section after its marker, in this order.
MARKERS = ("<!-- model benchmarks -->", "<!-- field benchmarks -->", "<!-- tile service benchmarks -->",
           "<!-- review benchmarks -->", "<!-- correction benchmarks -->", "<!-- throughput benchmarks -->",
           "<!-- population benchmarks -->")


def write_section(path, marker, body: str) -> None:
    """Replaces one benchmark's section of ``path`` (``marker`` None: the opening export section) and
    keeps the others, so each benchmark can run alone."""
    from pathlib import Path

    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n"
    found = sorted((text.find(m), m) for m in MARKERS if m in text)
    parts = {None: text[: found[0][0]] if found else text}
    for (start, m), following in zip(found, found[1:] + [(len(text), None)]):
        parts[m] = text[start:following[0]]
    parts[marker] = body
    ordered = [parts[None]] + [parts[m] for m in MARKERS if parts.get(m)]
    path.write_text("\n\n".join(part.strip("\n") for part in ordered if part.strip()) + "\n", encoding="utf-8")
