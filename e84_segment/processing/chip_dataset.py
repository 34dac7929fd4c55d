"""Chips of an imagery layer and their masks into a new dataset folder: the one writing loop of
buildtrainingdata (OSM labels) and trainfromreview (an analyst's review)."""
import os
from pathlib import Path
from typing import Callable, Dict, Optional, Sequence

from qgis.core import QgsProcessingException

from ..core import dataset, export, masks, tiles
from . import areas
from ..i18n import tr

CANCELLED = "Cancelled: no dataset was written"


def write_dataset(imagery: areas.LayerSnapshot, splits: Dict[tiles.Tile, str],
                  labels_for: Callable[[tiles.Tile], Sequence], output: Path, tile_size: int, concurrency: int, feedback,
                  describe: Callable[[export.ExportStats, object], dict], fill: int = masks.BACKGROUND,
                  progress_from: float = 10.0) -> Optional[Dict[str, int]]:
    """The chips per split written under ``output`` (staged, renamed when complete); None when cancelled,
    with nothing left behind. ``describe(stats, plan)`` is dataset.json's content (``plan``: how the
    imagery became RGB, None where QGIS renders it)."""
    reader = areas.chip_reader(imagery, tile_size, concurrency, min(splits, default=None), feedback)
    with dataset.DatasetWriter(output) as writer:
        with areas.reading(reader, feedback):
            stats = export.export_chips(
                splits,
                reader.read,
                labels_for,
                writer,
                workers=min(4, os.cpu_count() or 1),
                progress=lambda p: feedback.setProgress(progress_from + (100.0 - progress_from) / 100.0 * p),
                cancelled=feedback.isCanceled,
                ahead=getattr(reader, "expect", None),
                fill=fill,
            )
        if stats.cancelled:
            feedback.pushWarning(CANCELLED)
            return None
        if stats.written == 0 and not stats.skipped_unlabelled:
            raise QgsProcessingException(
                tr("The imagery '{}' returned no pixels for any of the {} tiles: check that the layer displays "
                   "in QGIS over this area (a WMS or XYZ with a wrong address renders blank)")
                .format(imagery.name, len(splits))
            )
        if stats.written == 0:
            raise QgsProcessingException(
                tr("None of the {} tiles has a labelled pixel: the outlines are smaller than a pixel at this "
                   "zoom, or lie where the imagery has none").format(len(splits))
            )
        if stats.skipped_no_imagery:
            feedback.pushWarning(tr("{} tiles had no imagery at all and were skipped")
                                 .format(stats.skipped_no_imagery))
        counts = writer.counts()
        writer.commit(describe(stats, getattr(reader, "plan", None)))
    return counts
