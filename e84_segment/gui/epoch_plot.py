"""A small live plot of training: loss and validation IoU per epoch, drawn with QPainter."""
import re
from typing import Dict, Optional

from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

# "epoch 3 (1.2 min): train loss 0.2311; validation ... building IoU 0.7012, ..." (trainlocal)
_LOCAL = re.compile(r"^epoch (\d+) \([^)]*\): train loss ([0-9.]+)(?:.*building IoU ([0-9.]+))?")
# "Epoch 4: validation:mIOU 0.7100" (trainsagemaker)
_SAGEMAKER = re.compile(r"^Epoch (\d+): validation:mIOU ([0-9.]+)")


class EpochPlot(QWidget):
    LOSS = QColor("#d62728")
    IOU = QColor("#1f77b4")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.loss: Dict[int, float] = {}
        self.iou: Dict[int, float] = {}

    def clear(self) -> None:
        self.loss.clear()
        self.iou.clear()
        self.update()

    def add_line(self, line: str) -> Optional[int]:
        """Takes one feedback line; returns the epoch when it carried one."""
        local = _LOCAL.match(line)
        if local:
            epoch = int(local.group(1))
            self.loss[epoch] = float(local.group(2))
            if local.group(3):
                self.iou[epoch] = float(local.group(3))
        else:
            remote = _SAGEMAKER.match(line)
            if not remote:
                return None
            epoch = int(remote.group(1))
            self.iou[epoch] = float(remote.group(2))
        self.update()
        return epoch

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        margin = 6
        width, height = self.width() - 2 * margin, self.height() - 2 * margin - 14
        painter.setPen(QColor("#888888"))
        painter.drawRect(margin, margin, width, height)
        epochs = sorted(set(self.loss) | set(self.iou))
        painter.drawText(margin, self.height() - 4, f"loss (red), validation IoU (blue): {len(epochs)} epochs")
        if len(epochs) < 1:
            return
        first, last = epochs[0], max(epochs[-1], epochs[0] + 1)
        top_loss = max(self.loss.values(), default=1.0) or 1.0

        def point(epoch, value, scale):
            x = margin + width * (epoch - first) / (last - first)
            return QPointF(x, margin + height * (1 - min(value / scale, 1.0)))

        for series, scale, colour in ((self.loss, top_loss, self.LOSS), (self.iou, 1.0, self.IOU)):
            painter.setPen(QPen(colour, 2, Qt.SolidLine))
            points = [point(e, series[e], scale) for e in sorted(series)]
            for a, b in zip(points, points[1:]):
                painter.drawLine(a, b)
            for p in points[-1:]:
                painter.drawEllipse(p, 2, 2)
