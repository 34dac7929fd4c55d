"""The comparison of training runs against a baseline: a table and the epoch curves overlaid."""
from pathlib import Path
from typing import Dict, List

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPen
from qgis.PyQt.QtWidgets import QDialog, QSizePolicy, QTableWidgetItem, QWidget

from ..core.run_comparison import SERIES, Comparison

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("run_comparison.ui")))
# One colour per run (the baseline first, in black); one line style per series.
COLOURS = ("#000000", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2")
STYLES = {"building_iou": Qt.PenStyle.SolidLine, "object_f1": Qt.PenStyle.DashLine}


class CurvesPlot(QWidget):
    """Validation building IoU (solid) and object F1 (dashed) per epoch, one colour per run, on 0-1."""

    def __init__(self, titles: List[str], curves: List[Dict[str, Dict[int, float]]], parent=None):
        super().__init__(parent)
        self.titles, self.curves = titles, curves
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def epochs(self) -> List[int]:
        return sorted({e for run in self.curves for key in STYLES for e in run.get(key, {})})

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = painter.fontMetrics().height()
        left, top = painter.fontMetrics().horizontalAdvance("0.5") + 8, line * (len(self.titles) + 1) + 4
        width, height = self.width() - left - 8, self.height() - top - line - 6
        if width < 20 or height < 20:
            return
        painter.setPen(QColor("#888888"))
        painter.drawRect(left, top, width, height)
        for value in (0.0, 0.5, 1.0):
            painter.drawText(QPointF(2, top + height * (1 - value) + line / 3), f"{value:g}")
        words = dict(SERIES)
        painter.drawText(QPointF(left, line), self.tr("{} solid, {} dashed").format(words["building_iou"], words["object_f1"]))
        for index, title in enumerate(self.titles):
            painter.setPen(QColor(COLOURS[index % len(COLOURS)]))
            painter.drawText(QPointF(left, line * (index + 2)), title)
        epochs = self.epochs()
        if not epochs:
            return
        first, last = epochs[0], max(epochs[-1], epochs[0] + 1)
        painter.setPen(QColor("#888888"))
        painter.drawText(QPointF(left, top + height + line), self.tr("epoch {}").format(first))
        end = self.tr("epoch {}").format(last)
        painter.drawText(QPointF(left + width - painter.fontMetrics().horizontalAdvance(end), top + height + line), end)
        for index, run in enumerate(self.curves):
            for key, style in STYLES.items():
                series = run.get(key, {})
                points = [QPointF(left + width * (e - first) / (last - first), top + height * (1 - min(max(series[e], 0.0), 1.0)))
                          for e in sorted(series)]
                painter.setPen(QPen(QColor(COLOURS[index % len(COLOURS)]), 2, style))
                for a, b in zip(points, points[1:]):
                    painter.drawLine(a, b)
                for point in points[-1:]:
                    painter.drawEllipse(point, 2, 2)


class RunComparisonDialog(QDialog, FORM):
    def __init__(self, result: Comparison, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        rows = [(self.tr("Scores"), None)] + [(None, r) for r in result.figures] + \
               [(self.tr("Settings"), None)] + [(None, r) for r in result.settings]
        self.table.setColumnCount(len(result.titles))
        self.table.setHorizontalHeaderLabels(result.titles)
        self.table.setRowCount(len(rows))
        labels = []
        bold = QFont()
        bold.setBold(True)
        for index, (heading, row) in enumerate(rows):
            labels.append(heading if heading else row.label)
            for column in range(len(result.titles)):
                item = QTableWidgetItem("" if heading else row.cells[column])
                if heading or row.differs:
                    item.setFont(bold)
                self.table.setItem(index, column, item)
        self.table.setVerticalHeaderLabels(labels)
        self.table.resizeColumnsToContents()
        self.plot = CurvesPlot(result.titles, result.curves, self.curvesContainer)
        self.curvesContainer.layout().addWidget(self.plot)
