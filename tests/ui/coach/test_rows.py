"""The participant list's rows."""

from __future__ import annotations

from app.sharing.workspace import ParticipantSummary
from app.ui.coach.rows import participant_items


def test_two_participants_with_one_name_are_told_apart_by_fingerprint() -> None:
    def person(name: str, fingerprint: str, verified: bool = True) -> ParticipantSummary:
        return ParticipantSummary(fingerprint, name, 1, 1, 0, 0, None, verified)

    rows = participant_items(
        [
            person("Alex", "AAAA-BBBB-CCCC-DDDD"),
            person("alex", "WXYZ-BBBB-CCCC-DDDD", verified=False),
            person("Bea", "QQQQ-BBBB-CCCC-DDDD"),
            person("Dev", "RRRR-BBBB-CCCC-DDDD", verified=False),
        ]
    )
    assert [r.title for r in rows[1:]] == [
        "Alex (AAAA-BBBB)",
        "alex (WXYZ-BBBB) · not verified",
        "Bea",
        "Dev · not verified",
    ]
