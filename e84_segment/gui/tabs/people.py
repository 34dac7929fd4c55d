"""The Compare tab's people box: settlements and people from the footprints, and the situation map to print."""
from pathlib import Path
from typing import Optional

from ...core import runs, settlements
from ...processing.population_centres import DEFAULT_RATES
from .compare import subject_of


class PeopleTab:
    """Mixin of E84SegmentDock: the widgets come from dock.ui (the Compare tab's people box)."""

    def setup_people_tab(self) -> None:
        self.peopleButton.clicked.connect(self.people)
        self.situationButton.clicked.connect(self.situation_map)

    def people(self):
        footprints, mapped = self.footprintsCombo.currentLayer(), self.referenceCombo.currentLayer()
        if footprints is None:
            return self._refuse(self.tr("Choose the predicted footprints above: the settlements are made from them."))
        figure = self.householdSpin.value()
        default, low, high = DEFAULT_RATES[settlements.PER_BUILDING]
        # The range keeps the default's proportions: about half a household to one and a half a building.
        parameters = {"FOOTPRINTS": footprints, "FIGURE": figure, "LOW": figure * low / default, "HIGH": figure * high / default}
        if mapped is not None and mapped.id() != footprints.id():
            parameters["OSM"] = mapped
        if not self.aoi_problem():
            parameters["AOI"] = self.aoi_parameters()["AOI"]

        def outputs(_):
            folder = Path(self.record.folder)
            return {**parameters, "OUTPUT": self.loaded_output(folder / "settlements.gpkg", "settlements"),
                    "OUTPUT_GRID": self.loaded_output(folder / "people_grid.gpkg", "people_grid")}

        def done(results, record):
            record.outputs["settlements"] = record.outputs.pop("OUTPUT", results.get("OUTPUT", ""))
            record.outputs["people_grid"] = record.outputs.pop("OUTPUT_GRID", results.get("OUTPUT_GRID", ""))
            record.metrics.update({key.lower(): results.get(key) for key in ("SETTLEMENTS", "BUILDINGS", "PEOPLE", "PEOPLE_LOW",
                                                                             "PEOPLE_HIGH")})
            self.statusLabel.setText(self.tr(
                "{} settlements of 5 or more buildings; about {:,} people in all ({:,} to {:,}), at {:g} a building. These "
                "are estimates from building counts, not a census: 'Print situation map' hands them over.").format(
                int(results.get("SETTLEMENTS", 0)), int(results.get("PEOPLE", 0)), int(results.get("PEOPLE_LOW", 0)),
                int(results.get("PEOPLE_HIGH", 0)), figure))

        self._start("people", [("e84segment:populationcentres", outputs)], parameters=parameters, done=done,
                    tag=runs.make_tag(subject_of(footprints)))

    def situation_map(self):
        people = self._latest("people", "settlements")
        footprints = self.footprintsCombo.currentLayer()
        if people is None or footprints is None:
            return self._refuse(self.tr("Run 'People' first: the map shows its settlements over the footprints chosen above."))
        parameters = {"FOOTPRINTS": footprints, "SETTLEMENTS": people.outputs["settlements"]}
        imagery = self.imageryCombo.currentLayer()
        if imagery is not None:
            parameters["IMAGERY"] = imagery
        for kind, key, parameter in (("compare", "grid", "GRID"), ("triage", "triage", "TRIAGE"), ("evaluate", "OUTPUT_REPORT", "REPORT")):
            latest = self._latest(kind, key)
            if latest is not None:
                parameters[parameter] = latest.outputs[key]

        def outputs(_):
            return {**parameters, "OUTPUT": str(Path(self.record.folder) / "situation_map.pdf")}

        def done(results, record):
            record.outputs["map"] = record.outputs.pop("OUTPUT", results.get("OUTPUT", ""))
            checked = self.tr("with the latest model check") if "REPORT" in parameters else self.tr(
                "marked 'not checked': run 'Check model' on an area the model never saw, then print again")
            self.statusLabel.setText(self.tr("Situation map: {} ({}). Reload it from the Runs tab to open it.").format(
                record.outputs["map"], checked))

        self._start("situation", [("e84segment:situationmap", outputs)], parameters=parameters, done=done, tag=people.tag)

    def _latest(self, kind: str, output: str) -> Optional[runs.RunRecord]:
        """The newest completed run of ``kind`` whose ``output`` file is still there."""
        for record in runs.load_all(self._run_folders()):
            path = record.outputs.get(output, "")
            if record.kind == kind and record.status == "completed" and path and Path(path.split("|")[0]).is_file():
                return record
        return None
