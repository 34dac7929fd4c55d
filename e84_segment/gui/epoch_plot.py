"""A small live plot of training: loss, validation building IoU and object F1 per epoch, drawn with QPainter."""
import re
from typing import Dict, Optional

from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

# "epoch 3 (1.2 min): train loss 0.2311; validation ... building IoU 0.7012, ..." (trainlocal)
_LOCAL = re.compile(r"^epoch (\d+) \([^)]*\): train loss ([0-9.]+)(?:.*building IoU ([0-9.]+))?(?:.*object F1 ([0-9.]+))?")
# "Epoch 4: validation:mIOU 0.7100" (trainsagemaker: the built-in algorithm; the plugin's model says
# validation:building_iou, validation:object_f1 and train:loss)
_SAGEMAKER = re.compile(r"^Epoch (\d+): (validation:mIOU|validation:building_iou|validation:object_f1|train:loss) ([0-9.]+)")


class EpochPlot(QWidget):
    LOSS = QColor("#d62728")
    IOU = QColor("#1f77b4")
    F1 = QColor("#2ca02c")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.loss: Dict[int, float] = {}
        self.iou: Dict[int, float] = {}
        self.f1: Dict[int, float] = {}

    def clear(self) -> None:
        self.loss.clear()
        self.iou.clear()
        self.f1.clear()
        self.update()

    def add_line(self, line: str) -> Optional[int]:
        """Takes one feedback line; returns the epoch when it carried one."""
        local = _LOCAL.match(line)
        if local:
            epoch = int(local.group(1))
            self.loss[epoch] = float(local.group(2))
            if local.group(3):
                self.iou[epoch] = float(local.group(3))
            if local.group(4):
                self.f1[epoch] = float(local.group(4))
        else:
            remote = _SAGEMAKER.match(line)
            if not remote:
                return None
            epoch = int(remote.group(1))
            series = {"validation:object_f1": self.f1, "train:loss": self.loss}.get(remote.group(2), self.iou)
            series[epoch] = float(remote.group(3))
        self.update()
        return epoch

    def axis_labels(self) -> Dict[str, list]:
        """The values written along each axis: IoU on the left (0 to 1), loss on the right (0 to its
        largest value), epochs below."""
        epochs = sorted(set(self.loss) | set(self.iou))
        top_loss = max(self.loss.values(), default=1.0) or 1.0
        return {
            "iou": ["0", "0.5", "1"],
            "loss": ["0", f"{top_loss / 2:.2g}", f"{top_loss:.2g}"],
            "epoch": [str(epochs[0]), str(epochs[-1])] if len(epochs) > 1 else [str(e) for e in epochs],
        }

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, right = metrics.horizontalAdvance("0.5") + 8, metrics.horizontalAdvance("0.00") + 8
        top, bottom = line + 4, line + 6
        width, height = self.width() - left - right, self.height() - top - bottom
        if width < 20 or height < 20:
            return
        labels = self.axis_labels()
        painter.setPen(QColor("#888888"))
        painter.drawRect(left, top, width, height)
        for i, (iou_text, loss_text) in enumerate(zip(labels["iou"], labels["loss"])):
            y = top + height * (1 - i / 2)
            painter.drawLine(QPointF(left - 3, y), QPointF(left, y))
            painter.setPen(self.IOU)
            painter.drawText(QPointF(2, y + line / 3), iou_text)
            painter.setPen(self.LOSS)
            painter.drawText(QPointF(left + width + 4, y + line / 3), loss_text)
            painter.setPen(QColor("#888888"))
        epochs = sorted(set(self.loss) | set(self.iou))
        if epochs:
            painter.drawText(QPointF(left, top + height + line), self.tr("epoch {}").format(labels["epoch"][0]))
            last = self.tr("epoch {}").format(labels["epoch"][-1])
            painter.drawText(QPointF(left + width - metrics.horizontalAdvance(last), top + height + line), last)
        x = left
        for colour, words in ((self.LOSS, self.tr("training loss")), (self.IOU, self.tr("building IoU")),
                              (self.F1, self.tr("object F1"))):
            painter.setPen(colour)
            painter.drawText(QPointF(x, line), words)
            x += metrics.horizontalAdvance(words) + 12
        if not epochs:
            return
        first, last_epoch = epochs[0], max(epochs[-1], epochs[0] + 1)
        top_loss = max(self.loss.values(), default=1.0) or 1.0

        def point(epoch, value, scale):
            x = left + width * (epoch - first) / (last_epoch - first)
            return QPointF(x, top + height * (1 - min(value / scale, 1.0)))

        for series, scale, colour in ((self.loss, top_loss, self.LOSS), (self.iou, 1.0, self.IOU), (self.f1, 1.0, self.F1)):
            painter.setPen(QPen(colour, 2, Qt.PenStyle.SolidLine))
            points = [point(e, series[e], scale) for e in sorted(series)]
            for a, b in zip(points, points[1:]):
                painter.drawLine(a, b)
            for p in points[-1:]:
                painter.drawEllipse(p, 2, 2)
