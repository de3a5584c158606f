"""Cycle > Stage versions: earlier texts of one stage of a cycle, and a way back to one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.widgets.dates import local_text
from app.ui.widgets.versions_dialog import Version, VersionHistoryDialog
from app.writing.cycle_records import CycleRecord
from app.writing.cycles import CycleStore

NO_STAGE_VERSIONS = (
    "No earlier versions of this stage yet. Each time you change what you wrote here, the "
    "text it had before is kept, so you can always go back."
)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "(empty)")[:80]


class StageVersionsDialog(VersionHistoryDialog):
    """Lists a stage's earlier texts, newest first; restoring saves it as the stage's text
    (what is there now is kept as a version too).

    Constructor: StageVersionsDialog(store, cycle_id, stage_id, stage_title, parent=None).
    Signals: restored(object) with the CycleRecord after a version was made current.
    """

    def __init__(
        self,
        store: CycleStore,
        cycle_id: str,
        stage_id: str,
        stage_title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(NO_STAGE_VERSIONS, parent)
        self.setWindowTitle(f"Earlier versions of “{stage_title}”")
        self._store = store
        self._cycle_id = cycle_id
        self._stage_id = stage_id
        self._title = stage_title
        self._load()

    def _read(self) -> list[Version]:
        return [
            Version(
                v.id,
                self._title,
                v.text,
                f"Written {local_text(v.written)}\n{_first_line(v.text)}",
                f"Replaced {local_text(v.replaced)}",
            )
            for v in self._store.stage_versions(self._cycle_id, self._stage_id)
        ]

    def _bring_back(self, version: Version) -> CycleRecord:
        return self._store.save_stage(
            self._cycle_id, self._stage_id, version.body, keep_version=True
        )
