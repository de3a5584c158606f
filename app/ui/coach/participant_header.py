"""Above the items: who is chosen, their counts, their domain balance and the feedback button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.home.overview import DomainBalance
from app.sharing.workspace import ParticipantSummary
from app.ui.coach.rows import ALL_PARTICIPANTS, counts_text
from app.ui.home.balance_bars import DomainBalanceBars
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import quiet_note
from app.writing.domains import Domain

CHOOSE_ONE = "Choose one participant to make a feedback package for them."
NOTHING_NEW = "There are no new comments for {name} to send."
READY = "{count} new {noun} for {name}, saved as one file to send them."
CHOOSE_FOR_INSIGHTS = "Choose one participant to see Insights from what they shared."
INSIGHTS_FOR = "How {name}'s inquiry moved, counted from what they shared with you"
NOT_VERIFIED_NOTE = (
    "Not verified: anyone could have made a card with this name. Compare fingerprints with "
    "{name} before relying on what they share."
)


class ParticipantHeader(QWidget):
    """The chosen participant (or all), their counts and balance, and "Make feedback package…".

    The button is disabled, with the reason as its tooltip and description, when "All
    participants" is chosen or there is nothing new to send.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = heading(ALL_PARTICIPANTS, "Participant", 1.4)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label = plain_label("", "Counts")
        self.counts_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        balance_title = QLabel("Domain balance of what was shared")
        balance_title.setAccessibleName("Domain balance")
        self.balance_bars = DomainBalanceBars()
        self.balance_bars.setAccessibleName("Domain balance of what was shared")
        self.feedback_button = QPushButton("Make feedback pac&kage…")
        self.feedback_button.setAccessibleName("Make feedback package")
        self.feedback_note = quiet_note("")
        self.feedback_note.setAccessibleName("About the feedback package")
        self.verify_note = quiet_note("")
        self.verify_note.setTextFormat(Qt.TextFormat.PlainText)  # it holds a card's name
        self.verify_note.setAccessibleName("Not verified")
        self.verify_button = QPushButton("&Verify…")
        self.verify_button.setAccessibleName("Verify this participant")
        self.verify_button.setToolTip("Compare fingerprints with them, aloud")
        self.insights_button = QPushButton("Insi&ghts…")
        self.insights_button.setAccessibleName("Insights from what they shared")

        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.name_label)
        who.addWidget(self.counts_label)
        who.addWidget(self.verify_note)
        who.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignLeft)
        who.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.feedback_button)
        actions.addWidget(self.insights_button)
        actions.addStretch(1)
        who.addLayout(actions)
        who.addWidget(self.feedback_note)
        balance = QVBoxLayout()
        balance.setSpacing(4)
        balance.addWidget(balance_title)
        balance.addWidget(self.balance_bars)
        balance.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addLayout(who, 1)
        layout.addLayout(balance, 1)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [self.verify_button, self.feedback_button, self.insights_button, self.balance_bars]

    def show_participant(
        self, chosen: ParticipantSummary | None, everyone: list[ParticipantSummary]
    ) -> None:
        """Show one participant (or, with None, everyone's totals) and what can be sent."""
        people = [chosen] if chosen is not None else everyone
        self.name_label.setText(chosen.name if chosen is not None else ALL_PARTICIPANTS)
        self.counts_label.setText(
            counts_text(
                sum(p.items for p in people),
                sum(p.to_discuss for p in people),
                sum(p.unread_replies for p in people),
                sum(p.unsent_comments for p in people),
            )
        )
        if chosen is None:
            reason, ready = CHOOSE_ONE, False
        elif not chosen.unsent_comments:
            reason, ready = NOTHING_NEW.format(name=chosen.name), False
        else:
            n = chosen.unsent_comments
            noun = "comment" if n == 1 else "comments"
            reason, ready = READY.format(count=n, noun=noun, name=chosen.name), True
        note = "" if chosen is None or chosen.verified else NOT_VERIFIED_NOTE
        unverified = bool(note)
        self.verify_note.setText(note.format(name=chosen.name if chosen else ""))
        self.verify_note.setVisible(unverified)
        self.verify_button.setVisible(unverified)
        self.feedback_button.setEnabled(ready)
        self.feedback_button.setToolTip(reason)
        self.feedback_button.setAccessibleDescription(reason)
        self.feedback_note.setText(reason)
        insights = (
            INSIGHTS_FOR.format(name=chosen.name) if chosen is not None else CHOOSE_FOR_INSIGHTS
        )
        self.insights_button.setEnabled(chosen is not None and chosen.items > 0)
        self.insights_button.setToolTip(insights)
        self.insights_button.setAccessibleDescription(insights)

    def show_balance(self, counts: dict[Domain, int]) -> None:
        """Show how many shared items touch each domain."""
        self.balance_bars.set_balance(DomainBalance(counts, 0))
