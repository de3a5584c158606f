"""The privacy check finds what identifies people, rarely cries wolf, and redacts exactly."""

from __future__ import annotations

import random
import uuid

import pytest

from app.privacy.check import FindingKind, Severity, nhs_number_is_valid, redact, scan


def _valid_nhs_numbers(count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < count:
        stem = f"{rng.randint(400_000_000, 499_999_999)}"
        for check in range(10):
            if nhs_number_is_valid(stem + str(check)):
                found.append(stem + str(check))
                break
    return found


SPELLINGS = [
    lambda d: d,
    lambda d: f"{d[:3]} {d[3:6]} {d[6:]}",
    lambda d: f"{d[:3]}-{d[3:6]}-{d[6:]}",
    lambda d: f"{d[:3]}.{d[3:6]}.{d[6:]}",
    lambda d: f"{d[:3]}  {d[3:6]}  {d[6:]}",
    lambda d: f"{d[:3]} {d[3:]}",
    lambda d: f"{d[:3]}\u00a0{d[3:6]}\u00a0{d[6:]}",
]


def test_the_data_dictionary_example_is_valid() -> None:
    assert nhs_number_is_valid("9434765919")
    assert not nhs_number_is_valid("9434765918")
    assert not nhs_number_is_valid("0000000000")  # passes the arithmetic, never issued
    assert not nhs_number_is_valid("1111111111")


@pytest.mark.parametrize("spell", SPELLINGS)
def test_no_valid_nhs_number_is_missed_however_written(spell) -> None:
    for digits in _valid_nhs_numbers(100):
        written = spell(digits)
        text = f"Patient {written} was transferred."
        found = [f for f in scan(text) if f.kind is FindingKind.NHS_NUMBER]
        assert [f.text for f in found] == [written], written


def test_severity_follows_context() -> None:
    def severity(text: str) -> Severity:
        return next(f for f in scan(text) if f.kind is FindingKind.NHS_NUMBER).severity

    assert severity("NHS no 9434765919") is Severity.HIGH
    assert severity("ref 943 476 5919") is Severity.HIGH  # the 3-3-4 grouping
    assert severity("ref 9434765919") is Severity.MEDIUM
    assert severity("ref 943 4765919") is Severity.LOW


def test_invalid_numbers_pass_unless_labelled() -> None:
    for digits in _valid_nhs_numbers(50, seed=9):
        wrong = digits[:9] + str((int(digits[9]) + 1) % 10)
        if nhs_number_is_valid(wrong):
            continue
        assert scan(f"ref {wrong[:3]} {wrong[3:6]} {wrong[6:]}") == []
    labelled = scan("NHS number 943 476 5918")
    assert [(f.kind, f.severity) for f in labelled] == [(FindingKind.NHS_NUMBER, Severity.LOW)]


@pytest.mark.parametrize(
    ("text", "kind", "matched"),
    [
        ("She lives near B15 2TT now.", FindingKind.POSTCODE, "B15 2TT"),
        ("moved to sw1a 1aa", FindingKind.POSTCODE, "sw1a 1aa"),
        ("M1 1AE", FindingKind.POSTCODE, "M1 1AE"),
        ("DOB 12/03/1944", FindingKind.DATE_OF_BIRTH, "12/03/1944"),
        ("born on 3 March 1944", FindingKind.DATE_OF_BIRTH, "3 March 1944"),
        ("date of birth: March 3, 1944", FindingKind.DATE_OF_BIRTH, "March 3, 1944"),
        ("an 82 yo man", FindingKind.AGE, "82 yo"),
        ("she is aged 91", FindingKind.AGE, "aged 91"),
        ("a 45-year-old", FindingKind.AGE, "45-year-old"),
        ("MRN A1234567 on the board", FindingKind.HOSPITAL_NUMBER, "A1234567"),
        ("hospital number: RX123456", FindingKind.HOSPITAL_NUMBER, "RX123456"),
        ("ring 0121 414 3344", FindingKind.PHONE, "0121 414 3344"),
        ("mobile 07700 900123", FindingKind.PHONE, "07700 900123"),
        ("+44 7700 900123", FindingKind.PHONE, "+44 7700 900123"),
        ("write to a.person@example.nhs.uk today", FindingKind.EMAIL, "a.person@example.nhs.uk"),
        ("Mrs Patel was upset", FindingKind.NAME, "Mrs Patel"),
        ("I told Dr O'Neill", FindingKind.NAME, "Dr O'Neill"),
        ("Mrs A Patel", FindingKind.NAME, "Mrs A Patel"),
        ("Mrs Patel's discharge", FindingKind.NAME, "Mrs Patel"),
        ("Dr D'Arcy's list", FindingKind.NAME, "Dr D'Arcy"),
        ("Sister Jones agreed", FindingKind.NAME, "Sister Jones"),
        ("GMC number 1234567", FindingKind.PROFESSIONAL_NUMBER, "1234567"),
        ("NMC PIN 12A3456E", FindingKind.PROFESSIONAL_NUMBER, "12A3456E"),
        ("moved to bed 12", FindingKind.BED, "bed 12"),
    ],
)
def test_each_kind_is_found(text: str, kind: FindingKind, matched: str) -> None:
    assert [(f.kind, f.text) for f in scan(text)] == [(kind, matched)]


ORDINARY = [
    "I asked the band 6 nurse on Ward 7 what was worrying her at 14:30.",
    "We met on 12/03/2026 and agreed three actions by 30 April 2026.",
    "Five patients were waiting; 2 years ago it was worse.",
    "The huddle at 07:45 ran over by ten minutes.",
    "Room 101 was booked for the band 7 away day.",
    "The £12,500 budget covers Q3 2026 training.",
    "A NEWS2 score of 7 should trigger escalation.",
    "Call me on ext 4521 if the bleep 2231 goes unanswered.",
    "Sister on Ward 7 said the handover felt rushed.",
    "1,234 referrals were made last year, about 30% of staff responded.",
    "Aged care services sit with the council.",
    "The 2025-2026 plan runs from April to March.",
    "Ward 10B and ward 3 share a manager.",
    "Scores were 10 15 20 25 30 35 40 45 50 55 60 across the teams.",
    "Our sickness rate fell from 6.2% to 4.9% in 12 months.",
    "I have been qualified for 15 years and a manager for 3.",
    "Version 2.1.4 of the policy came out on 01.02.2026.",
    "The Trust Board meets on the 3rd Tuesday; the next one is 17 March 2026.",
    "I said: The team is tired. Dr and nurse leads agreed.",
    "It took 45 minutes, then another 90 mins for transport.",
    "Rota week 2025-W14, shifts 07:00-19:30 and 19:00-07:30.",
    "Our target is 95% within 4 hours; we managed 78%.",
    "The Mr Men books were in the children's waiting area.",
    "I apologised to the newly qualified nurse the next day.",
    "Band 5, Band 6 and Band 7 posts: 12.5 WTE in total.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_raise_no_alarm(sentence: str) -> None:
    assert scan(sentence) == []


def test_redaction_removes_every_finding_and_nothing_else() -> None:
    text = (
        "Mrs Patel (NHS no 943 476 5919, DOB 12/03/1944) lives at B15 2TT; "
        "her daughter rang from 07700 900123. The team handled it well."
    )
    findings = scan(text)
    assert {f.kind for f in findings} == {
        FindingKind.NAME,
        FindingKind.NHS_NUMBER,
        FindingKind.DATE_OF_BIRTH,
        FindingKind.POSTCODE,
        FindingKind.PHONE,
    }
    cleaned = redact(text, findings)
    assert scan(cleaned) == []
    assert cleaned == (
        "[name] (NHS no [NHS number], DOB [date of birth]) lives at [postcode]; "
        "her daughter rang from [phone number]. The team handled it well."
    )


def test_redacting_some_findings_keeps_the_others() -> None:
    text = "Mrs Patel, NHS no 943 476 5919"
    name, number = scan(text)
    assert redact(text, [number]) == "Mrs Patel, NHS no [NHS number]"
    with pytest.raises(ValueError, match="does not belong"):
        redact("different text", [name])


def test_findings_carry_positions_and_context() -> None:
    text = "Before. NHS no 943 476 5919. After."
    (finding,) = scan(text)
    assert text[finding.start : finding.end] == finding.text
    before, middle, after = finding.context(text, 8)
    assert middle == "943 476 5919" and before.endswith("NHS no ") and after.startswith(".")
    assert finding.as_json() == {
        "kind": "nhs_number",
        "text": "943 476 5919",
        "start": 15,
        "end": 27,
        "severity": "high",
    }


def test_a_link_is_checked_by_its_title_and_not_its_address() -> None:
    # Ids like these once read as phone numbers; the title is what could name someone.
    for item_id in ("05706787-0001-4c4e-a6c6-cdcf06659da7", "4f95cce8-022d-4ddf-af7d-040404471123"):
        assert scan(f"See [Huddle](ij:cycle/{item_id}).") == []
    found = scan(f"See [Call Mrs Patel on 07700 900123](ij:entry/{uuid.uuid4()}).")
    assert {f.kind for f in found} == {FindingKind.NAME, FindingKind.PHONE}
