"""The QGIS plugin: a toolbar action, the dock widget and the Processing provider."""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt

try:
    from qgis.PyQt.QtGui import QAction  # Qt6 (QGIS 4)
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # Qt5 (QGIS 3)

from . import i18n, icons

MENU = "&e84 segment"


class E84SegmentPlugin:
    def __init__(self, iface):
        self.iface = iface
        i18n.install()  # before any algorithm or form is made: they take their words from it
        self.provider = None
        self.action = None
        self.toolbar = None
        self.dock = None
        self.endpoint_check = None
        self.dependencies_action = None
        self.dependencies_dialog = None

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        if self.provider is not None:  # desktop QGIS calls initGui, qgis_process only this
            return
        from . import dependencies

        dependencies.activate()  # packages the plugin installed into the profile (a folder check)
        from .processing.provider import E84Provider

        self.provider = E84Provider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        from .gui.dock import DEFAULT_WIDTH, E84SegmentDock

        self.initProcessing()
        self.action = QAction(icons.plugin_icon(), i18n.tr("e84 segment"), self.iface.mainWindow())
        self.action.setObjectName("e84SegmentAction")
        self.action.setCheckable(True)
        self.action.toggled.connect(self._toggle_dock)
        self.toolbar = self.iface.addToolBar("e84 segment")
        self.toolbar.setObjectName("e84SegmentToolbar")
        self.toolbar.addAction(self.action)
        self.iface.addPluginToMenu(MENU, self.action)
        self.dependencies_action = QAction(i18n.tr("Dependencies…"), self.iface.mainWindow())
        self.dependencies_action.setObjectName("e84SegmentDependencies")
        self.dependencies_action.triggered.connect(self.show_dependencies)
        self.iface.addPluginToMenu(MENU, self.dependencies_action)
        self.dock = E84SegmentDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # Docks open at their minimum width; the form's full width fits without scrolling sideways.
        self.iface.mainWindow().resizeDocks([self.dock], [DEFAULT_WIDTH], Qt.Orientation.Horizontal)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self.action.setChecked)
        from .gui.endpoint_watch import check_live_endpoints

        self.endpoint_check = check_live_endpoints(self.iface, self.iface.mainWindow())

    def show_dependencies(self):
        from .gui.dependencies_dialog import open_dialog

        self.dependencies_dialog = open_dialog(self.iface.mainWindow())

    def _toggle_dock(self, visible: bool):
        self.dock.setVisible(visible)

    def unload(self):
        if self.endpoint_check is not None:
            self.endpoint_check.cancel()
            self.endpoint_check = None
        if self.dock is not None:
            self.dock.shutdown()
            self.dock.remove_canvas_items()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.dependencies_action is not None:
            self.iface.removePluginMenu(MENU, self.dependencies_action)
            self.dependencies_action.deleteLater()
            self.dependencies_action = None
        if self.action is not None:
            self.iface.removePluginMenu(MENU, self.action)
            self.action.deleteLater()
            self.action = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.uninstall()
