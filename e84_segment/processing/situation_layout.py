"""The situation map's print layout: an overview page, then a page for each of the largest settlements.

Built in the algorithm's worker thread from layers made there (never project layers), in a project of
its own: QgsPrintLayout, map items with a coordinate grid, legend, scale bar, north arrow, and text
boxes for the title, the settlements' figures, the model's quality and the attributions.
"""
import time
from dataclasses import dataclass
from typing import List, Optional, Sequence

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsRectangle,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..i18n import tr

PAPERS = ("A4", "A3")
MARGIN = 8.0  # mm
SIDE = 78.0  # the right-hand column's width on an overview page, mm
NORTH_ARROW = "arrows/NorthArrow_02.svg"


@dataclass
class Settlement:
    rank: int
    buildings: int
    people: float
    low: float
    high: float
    model_only_share: float
    extent: QgsRectangle  # EPSG:3857
    centre_lonlat: tuple


@dataclass
class Contents:
    title: str
    layers: list  # drawn top first: settlements, triage, footprints, grid, imagery
    legend_layers: list
    extent: QgsRectangle  # EPSG:3857
    settlements: List[Settlement]
    quality: str
    attribution: str
    people_total: str
    imagery: bool = False  # the last of ``layers`` is imagery
    detail_layers: list = None  # a settlement's page: ``layers`` less the grid, whose cells would hide the roofs


def about(value: float) -> str:
    """A count of people as a printed map should give it: two significant figures, never false precision."""
    if value < 100:
        return f"{value:,.0f}"
    digits = len(str(int(value))) - 2
    return f"{round(value, -digits):,.0f}"


def quality_text(report: Optional[dict]) -> str:
    """How good the model was where it was checked (evaluatemodel's report), or that it was not checked."""
    if not report:
        return tr("Model quality: not checked. No check on an area the model never saw was given: treat the footprints "
                  "as unverified, and check a few against the imagery before acting on them.")
    text = tr("Model quality, checked on an area it never saw: object F1 {:.2f} ({} found, {} false, {} missed), "
              "pixel building IoU {:.2f}.").format(report["f1"], report["tp"], report["fp"], report["fn"], report["building_iou"])
    overlap = report.get("training_overlap") or 0
    if overlap > 0.01:
        text += " " + tr("Careful: {:.0%} of that area was among its own training tiles, which flatters it.").format(overlap)
    return text


def settlement_text(settlement: Settlement) -> str:
    lon, lat = settlement.centre_lonlat
    return tr("Settlement {}: {} buildings, about {} people ({} to {}); {:.0%} of the buildings only the model saw. "
              "Centre {:.5f}, {:.5f} (latitude, longitude).").format(
        settlement.rank, settlement.buildings, about(settlement.people), about(settlement.low), about(settlement.high),
        settlement.model_only_share, lat, lon)


def build(project, contents: Contents, paper: str, landscape: bool, pages: int) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(contents.title)
    orientation = QgsLayoutItemPage.Orientation.Landscape if landscape else QgsLayoutItemPage.Orientation.Portrait
    layout.pageCollection().page(0).setPageSize(paper, orientation)
    _overview_page(layout, contents)
    for settlement in contents.settlements[:pages]:
        page = QgsLayoutItemPage(layout)
        page.setPageSize(paper, orientation)
        layout.pageCollection().addPage(page)
        _settlement_page(layout, layout.pageCollection().pageCount() - 1, contents, settlement)
    return layout


def _page_size(layout, page: int):
    size = layout.pageCollection().page(page).pageSize()
    return size.width(), size.height()


def _overview_page(layout, contents: Contents) -> None:
    width, height = _page_size(layout, 0)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    _label(layout, 0, f"{contents.title}\n{stamp}", (MARGIN, MARGIN), (width - 2 * MARGIN, 16), 15, bold=True)
    top = MARGIN + 18
    map_width = width - 3 * MARGIN - SIDE
    main = _map(layout, 0, contents, contents.extent, (MARGIN, top), (map_width, height - top - MARGIN))
    x = width - MARGIN - SIDE
    lines = [contents.people_total] + [tr("{}. about {} people ({} to {}), {} buildings").format(
        s.rank, about(s.people), about(s.low), about(s.high), s.buildings) for s in contents.settlements[:8]]
    y = _label(layout, 0, "\n".join(lines), (x, top), (SIDE, 0), 8).y
    y = _label(layout, 0, contents.quality, (x, y + 3), (SIDE, 0), 7.5, frame=True).y
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Legend"))
    legend.setLinkedMap(main)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    for layer in contents.legend_layers:
        root.addLayer(layer)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(x, y + 3), True, False, 0)
    legend.adjustBoxSize()
    _furniture(layout, 0, main, (x, height - MARGIN - 30), contents.attribution)


def _settlement_page(layout, page: int, contents: Contents, settlement: Settlement) -> None:
    width, height = _page_size(layout, page)
    _label(layout, page, settlement_text(settlement), (MARGIN, MARGIN), (width - 2 * MARGIN, 14), 11, bold=True)
    top = MARGIN + 16
    map_width = width - 3 * MARGIN - SIDE
    extent = QgsRectangle(settlement.extent)
    extent.grow(max(extent.width(), extent.height(), 300.0) * 0.15)
    main = _map(layout, page, contents, extent, (MARGIN, top), (map_width, height - top - MARGIN), layers=contents.detail_layers)
    x = width - MARGIN - SIDE
    # Where the page lies: the settlements (and imagery) of the whole area, with this page's extent framed.
    inset = _map(layout, page, contents, contents.extent, (x, top), (SIDE, SIDE * 0.75), grid=False,
                 layers=[contents.layers[0]] + contents.layers[-1:] if contents.imagery else contents.layers[:1])
    where = QgsLayoutItemMapOverview(tr("This page"), inset)
    where.setLinkedMap(main)
    inset.overviews().addOverview(where)
    y = _label(layout, page, contents.quality, (x, top + SIDE * 0.75 + 4), (SIDE, 0), 7.5, frame=True).y
    _furniture(layout, page, main, (x, max(y + 4, height - MARGIN - 30)), contents.attribution)


def _map(layout, page: int, contents: Contents, extent: QgsRectangle, at, size, grid: bool = True,
         layers: Optional[Sequence] = None) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.attemptResize(QgsLayoutSize(*size))
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(*at), True, False, page)
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    item.setLayers(list(layers if layers is not None else contents.layers))
    item.setKeepLayerSet(True)
    item.zoomToExtent(extent)
    item.setFrameEnabled(True)
    if grid:
        _grid(item, extent)
    return item


def _grid(item: QgsLayoutItemMap, extent: QgsRectangle) -> None:
    """Latitude and longitude lines at a round interval, labelled at the frame: the team reads a position
    off the paper."""
    from qgis.core import QgsCoordinateTransform

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    box = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3857"), wgs84, item.layout().project()).transformBoundingBox(extent)
    span = max(box.width(), box.height()) / 4
    interval = next((step for step in (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0)
                     if step >= span), 10.0)
    grid = QgsLayoutItemMapGrid(tr("Latitude and longitude"), item)
    grid.setCrs(wgs84)
    grid.setIntervalX(interval)
    grid.setIntervalY(interval)
    grid.setStyle(QgsLayoutItemMapGrid.GridStyle.Cross)
    grid.setCrossLength(2.0)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.AnnotationFormat.DecimalWithSuffix)
    grid.setAnnotationPrecision(max(0, len(f"{interval:.10f}".rstrip("0").split(".")[1])))
    sides = QgsLayoutItemMapGrid.BorderSide
    for side, shown in ((sides.Left, QgsLayoutItemMapGrid.DisplayMode.LatitudeOnly), (sides.Right, QgsLayoutItemMapGrid.DisplayMode.LatitudeOnly),
                        (sides.Top, QgsLayoutItemMapGrid.DisplayMode.LongitudeOnly), (sides.Bottom, QgsLayoutItemMapGrid.DisplayMode.LongitudeOnly)):
        grid.setAnnotationPosition(QgsLayoutItemMapGrid.AnnotationPosition.InsideMapFrame, side)
        grid.setAnnotationDisplay(shown, side)
    grid.setAnnotationFrameDistance(1.0)
    item.grids().addGrid(grid)


def _furniture(layout, page: int, linked: QgsLayoutItemMap, at, attribution: str) -> None:
    """Scale bar, north arrow and the attribution, in the right-hand column from ``at`` down."""
    x, y = at
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(linked)
    bar.applyDefaultSize()
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x, y), True, False, page)
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(_svg(NORTH_ARROW))
    arrow.attemptResize(QgsLayoutSize(10, 14))
    layout.addLayoutItem(arrow)
    arrow.attemptMove(QgsLayoutPoint(x + SIDE - 12, y - 2), True, False, page)
    _label(layout, page, attribution, (x, y + 12), (SIDE, 0), 6)


def _svg(name: str) -> str:
    from pathlib import Path

    for folder in QgsApplication.svgPaths():
        if (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    return ""


@dataclass
class Placed:
    y: float  # where the next item can start, mm


def _label(layout, page: int, text: str, at, size, points: float, bold: bool = False, frame: bool = False) -> Placed:
    """A text box; a height of 0 fits the text (about 1.5 x the font size a line, wrapped at the width)."""
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    if hasattr(label, "setTextFormat"):  # QGIS 3.24 and later
        from qgis.core import QgsTextFormat

        text_format = QgsTextFormat.fromQFont(font)
        text_format.setSize(points)
        label.setTextFormat(text_format)
    else:
        label.setFont(font)
    width, height = size
    if not height:
        chars_per_line = max(10, int(width / (points * 0.19)))
        lines = sum(max(1, -(-len(line) // chars_per_line)) for line in text.split("\n"))
        height = lines * points * 0.45 + 3
    label.setMarginX(1.5)
    label.setMarginY(1.0)
    if frame:
        label.setFrameEnabled(True)
        label.setBackgroundEnabled(True)
        label.setBackgroundColor(QColor(255, 255, 255))
    layout.addLayoutItem(label)
    label.attemptResize(QgsLayoutSize(width, height))
    label.attemptMove(QgsLayoutPoint(*at), True, False, page)
    return Placed(at[1] + height)
