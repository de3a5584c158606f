"""The privacy check: find what could identify a patient or colleague before text leaves.

The check warns; it cannot guarantee anonymity. Each finding has a kind, the matched text, its
place and a severity. Context decides severity where a pattern alone is weak evidence: about
one in eleven random 10-digit strings passes the NHS number check, so "NHS no" nearby or the
3-3-4 grouping makes a finding high, a bare run of digits medium.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How likely a finding is to identify someone."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class FindingKind(StrEnum):
    """What was found; the label is what replaces it when redacted."""

    NHS_NUMBER = "nhs_number"
    POSTCODE = "postcode"
    DATE_OF_BIRTH = "date_of_birth"
    AGE = "age"
    HOSPITAL_NUMBER = "hospital_number"
    PHONE = "phone"
    EMAIL = "email"
    NAME = "name"
    PROFESSIONAL_NUMBER = "professional_number"
    BED = "bed"

    @property
    def label(self) -> str:
        """A short description, also used as the redaction mark."""
        return _LABELS[self]


_LABELS = {
    FindingKind.NHS_NUMBER: "NHS number",
    FindingKind.POSTCODE: "postcode",
    FindingKind.DATE_OF_BIRTH: "date of birth",
    FindingKind.AGE: "age",
    FindingKind.HOSPITAL_NUMBER: "hospital number",
    FindingKind.PHONE: "phone number",
    FindingKind.EMAIL: "e-mail address",
    FindingKind.NAME: "name",
    FindingKind.PROFESSIONAL_NUMBER: "GMC or NMC number",
    FindingKind.BED: "bed or bay",
}


@dataclass(frozen=True)
class Finding:
    """Something that could identify a person, and where it is."""

    kind: FindingKind
    text: str
    start: int
    end: int
    severity: Severity

    @property
    def replacement(self) -> str:
        """What redaction puts in its place."""
        return f"[{self.kind.label}]"

    def as_json(self) -> dict[str, object]:
        """The finding as `privacy-check` prints it."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "severity": self.severity.value,
        }

    def context(self, text: str, width: int = 40) -> tuple[str, str, str]:
        """The words before, the finding itself, and the words after (for the dialog)."""
        before = text[max(0, self.start - width) : self.start]
        after = text[self.end : self.end + width]
        return before, text[self.start : self.end], after


# -- NHS numbers -----------------------------------------------------------------------------

_SEP = r"[ \-.\u00a0/]"
_NHS_CANDIDATE = re.compile(rf"(?<![\w\-.])\d(?:{_SEP}{{0,2}}\d){{9}}(?![\w]|[\-.]\d)")
_NHS_KEYWORD = re.compile(r"\b(?:NHS|N\.H\.S\.?|CHI|H&C)\s*(?:no\.?|num(?:ber)?|#)?", re.I)
_GROUPED_334 = re.compile(rf"^\d{{3}}({_SEP}{{1,2}})\d{{3}}\1\d{{4}}$")


def nhs_number_is_valid(digits: str) -> bool:
    """The Modulus 11 check from the NHS Data Dictionary (same-digit strings are refused)."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text: str) -> Iterator[Finding]:
    for match in _NHS_CANDIDATE.finditer(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        keyword = _NHS_KEYWORD.search(text[max(0, match.start() - 30) : match.start()])
        if nhs_number_is_valid(digits):
            if keyword or _GROUPED_334.match(raw):
                severity = Severity.HIGH
            elif raw.isdigit():
                severity = Severity.MEDIUM
            else:
                severity = Severity.LOW
        elif keyword:
            severity = Severity.LOW  # labelled as one, though the check digit is wrong
        else:
            continue
        yield Finding(FindingKind.NHS_NUMBER, raw, match.start(), match.end(), severity)


# -- the other patterns ----------------------------------------------------------------------

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_FULL_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DOB = re.compile(
    rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born(?:\s+on)?|birthday)\b[:\s\-–]*(?:was\s+|is\s+)?"
    rf"(?P<date>{_FULL_DATE})",
    re.I,
)
_POSTCODE = re.compile(
    r"\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b", re.I
)
_AGE = re.compile(
    r"\b(?:(?:aged?|age:)\s*\d{1,3}\b(?!\s*(?:%|patients|staff|beds|minutes|mins|hours))"
    r"|\d{1,3}\s*(?:yo|y/o|y\.o\.?|yrs?\s+old|years?[\s\-]old|-year-old))\b",
    re.I,
)
_HOSPITAL = re.compile(
    r"\b(?:hospital\s+(?:no\.?|num(?:ber)?)|hosp\.?\s*no\.?|MRN|unit\s+(?:no\.?|number)|"
    r"PAS\s+(?:no\.?|number)|case\s+(?:no\.?|number)|patient\s+(?:id|no\.?|number))"
    r"[:#\s]*(?P<code>[A-Z]{0,3}\d[\dA-Z]{4,9})\b",
    re.I,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?[1-9]|\(?0[1-9])\d{1,3}\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}(?![\w])"
)
_EMAIL = re.compile(r"\b[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+\b")
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Matron|Father|Rev)"
# O'Neill, D'Arcy and Smith-Jones are names; the "'s" of "Patel's" is not part of one.
_SURNAME = r"[A-Z][a-z]*(?:['’][A-Z][a-z]+|-[A-Z]?[a-z]+)*"
_NAME = re.compile(rf"\b{_TITLES}\.?\s+(?P<name>{_SURNAME}(?:\s{_SURNAME})?)")
# Capitalised words that follow a title without being a name ("Sister On Call").
_NOT_NAMES = {
    "On",
    "In",
    "At",
    "The",
    "And",
    "Of",
    "Said",
    "Was",
    "Ward",
    "Who",
    "Is",
    "I",
    "A",
    "Men",
    "Women",
}
_GMC = re.compile(r"\b(?:GMC)\s*(?:no\.?|number|#|ref(?:erence)?)?[:\s]*(?P<code>\d{7})\b", re.I)
_NMC_PIN = re.compile(r"\b\d{2}[A-Z]\d{4}[A-Z]\b")
_NMC_KEYWORD = re.compile(r"\b(?:NMC|PIN)\b", re.I)
_BED = re.compile(r"\b(?:bed|bay|side\s+room|cubicle)\s+(?:no\.?\s*)?\d{1,3}[A-Z]?\b", re.I)


def _simple(text: str) -> Iterator[Finding]:
    for m in _DOB.finditer(text):
        start, end = m.span("date")
        yield Finding(FindingKind.DATE_OF_BIRTH, m.group("date"), start, end, Severity.HIGH)
    for m in _POSTCODE.finditer(text):
        yield Finding(FindingKind.POSTCODE, m.group(0), m.start(), m.end(), Severity.MEDIUM)
    for m in _AGE.finditer(text):
        yield Finding(FindingKind.AGE, m.group(0), m.start(), m.end(), Severity.MEDIUM)
    for m in _HOSPITAL.finditer(text):
        start, end = m.span("code")
        yield Finding(FindingKind.HOSPITAL_NUMBER, m.group("code"), start, end, Severity.HIGH)
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) in (10, 11, 12):
            yield Finding(FindingKind.PHONE, m.group(0), m.start(), m.end(), Severity.MEDIUM)
    for m in _EMAIL.finditer(text):
        yield Finding(FindingKind.EMAIL, m.group(0), m.start(), m.end(), Severity.HIGH)
    for m in _NAME.finditer(text):
        words = m.group("name").split()
        initial = len(words[0]) == 1 and len(words) > 1  # "Mrs A Patel"
        if initial or words[0] not in _NOT_NAMES:
            yield Finding(FindingKind.NAME, m.group(0), m.start(), m.end(), Severity.HIGH)
    for m in _GMC.finditer(text):
        start, end = m.span("code")
        yield Finding(FindingKind.PROFESSIONAL_NUMBER, m.group("code"), start, end, Severity.HIGH)
    for m in _NMC_PIN.finditer(text):
        near = _NMC_KEYWORD.search(text[max(0, m.start() - 25) : m.start()])
        severity = Severity.HIGH if near else Severity.MEDIUM
        yield Finding(FindingKind.PROFESSIONAL_NUMBER, m.group(0), m.start(), m.end(), severity)
    for m in _BED.finditer(text):
        yield Finding(FindingKind.BED, m.group(0), m.start(), m.end(), Severity.LOW)


_PRIORITY = {kind: n for n, kind in enumerate(FindingKind)}
# The address of a link to another entry or cycle (app/writing/links.py): an id, not a person.
# The link's title is text like any other and is checked.
_ITEM_ADDRESS = re.compile(r"\bij:(?:entry|cycle)/[A-Za-z0-9-]+")


def scan(text: str) -> list[Finding]:
    """Everything in `text` that could identify someone, in order, without overlaps.

    Where two patterns claim the same characters the stronger one wins (an NHS number over a
    phone number, a date of birth over an age).
    """
    addresses = [m.span() for m in _ITEM_ADDRESS.finditer(text)] if "ij:" in text else []
    found = sorted(
        (
            f
            for f in [*_nhs_numbers(text), *_simple(text)]
            if not any(start < f.end and f.start < end for start, end in addresses)
        ),
        key=lambda f: (f.start, _PRIORITY[f.kind], -(f.end - f.start)),
    )
    kept: list[Finding] = []
    for finding in found:
        if kept and finding.start < kept[-1].end:
            if _PRIORITY[finding.kind] < _PRIORITY[kept[-1].kind]:
                kept[-1] = finding
            continue
        kept.append(finding)
    return kept


def redact(text: str, findings: Iterable[Finding]) -> str:
    """The text with each given finding replaced by its label, e.g. "[NHS number]"."""
    out = text
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        if out[finding.start : finding.end] != finding.text:
            raise ValueError("a finding does not belong to this text")
        out = out[: finding.start] + finding.replacement + out[finding.end :]
    return out
