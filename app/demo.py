"""A realistic sample journal for trying the app: invented NHS leadership situations, no names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from app.cycles import CycleStore
from app.cycles_model import PLANNED_MARK, CycleStatus, InquiryStatus, LoopLevel
from app.domains import Domain
from app.entries import EntryStore
from app.journal import Journal
from app.sessions import ActionDraft, ActionStatus, SessionKind, SessionStore

IND, TEAM, ORG = Domain.INDIVIDUAL, Domain.TEAM, Domain.ORGANISATION


class _Clock:
    """A clock the demo moves to each moment it writes."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass(frozen=True)
class _CycleSpec:
    template: str
    title: str
    days_ago: int
    stages: dict[str, str]
    status: CycleStatus
    loop: LoopLevel = LoopLevel.NONE
    domains: Sequence[Domain] = (IND,)
    tags: Sequence[str] = ()
    dimensions: Sequence[str] = ()
    experiment_in_days: int | None = None
    follows_previous: bool = False


@dataclass(frozen=True)
class _InquirySpec:
    question: str
    description: str
    domains: Sequence[Domain]
    cycles: Sequence[_CycleSpec]
    status: InquiryStatus = InquiryStatus.OPEN


_ENTRIES: list[tuple[int, str, str, Sequence[Domain], Sequence[str]]] = [
    (
        2,
        "Bed meeting, Thursday",
        "The site manager asked every ward for a discharge by 11. I said yes before I had "
        "checked with the nurse in charge. I noticed I wanted to be seen as helpful more than "
        "I wanted to be accurate.\n\nSomething to bring to supervision.",
        (IND, ORG),
        ("flow", "supervision"),
    ),
    (
        6,
        "Feedback from the practice educator",
        "She said my teaching sessions are clear but that I *answer my own questions* before "
        "anyone else can. Stung a bit. It matches what I noticed in huddles.",
        (IND,),
        ("feedback",),
    ),
    (
        11,
        "Rota conversation went better",
        "Shared the draft rota with the team a week early and asked what didn't work. Three "
        "swaps suggested, all sensible. One healthcare assistant said it was the first time "
        "she'd seen it before it was final.",
        (TEAM,),
        ("rota",),
    ),
    (
        19,
        "Programme day: adaptive challenges",
        "Heifetz: technical problems have known fixes; adaptive challenges need people to "
        "change how they work. Late escalation on our ward is adaptive. I keep treating it as "
        "technical (new form, new reminder).",
        (IND, TEAM),
        ("programme",),
    ),
    (
        27,
        "Sponsor meeting postponed again",
        "Third time my line manager has moved our sponsor check-in. I didn't say how that "
        "lands. Need to raise it without it sounding like a complaint.",
        (ORG,),
        ("line manager", "support"),
    ),
]


def _specs() -> list[_InquirySpec]:
    """The sample lines of inquiry; days are counted back from today."""
    return [
        _InquirySpec(
            "How do I get my team to raise concerns earlier in the shift?",
            "Concerns about staffing and deteriorating patients reach me at the end of a shift, "
            "when it is too late to act.",
            (TEAM, IND),
            [
                _CycleSpec(
                    "action-inquiry",
                    "Ask before I tell at the morning huddle",
                    days_ago=48,
                    status=CycleStatus.REVIEWED,
                    loop=LoopLevel.DOUBLE,
                    domains=(TEAM, IND),
                    tags=("huddle", "speaking up"),
                    dimensions=("engaging-the-team", "leading-with-care"),
                    experiment_in_days=-44,
                    stages={
                        "frame": "Team mostly; some individual. The morning huddle: nurse in "
                        "charge, two band 5 nurses, two healthcare assistants, the ward clerk.",
                        "intention": "I want worries about staffing and sick patients said out "
                        "loud at 07:45, not at 19:30, so we can act while there is time.",
                        "strategy": "For one week I will ask 'what's worrying you about today?' "
                        "before I give my plan, and wait. I assume people hold back because I "
                        "speak first.",
                        "action": "Did it four days out of five. On the fifth I was late and "
                        "went straight into the plan. I framed why I was asking on day one only. "
                        "I inquired a lot; I hardly illustrated what kind of worry I meant.",
                        "outcomes": "Day two, a healthcare assistant raised a patient who had "
                        "been 'not himself'; he was reviewed by 9 and moved to a monitored bed. "
                        "Silence on days one and three. The ward clerk said afterwards people "
                        "weren't sure I really wanted to hear it.",
                        "learning": "Double loop. I assumed silence meant agreement. It more "
                        "often meant people were waiting to see what I thought. The assumption "
                        "to change: that asking once is enough to make it safe.",
                        "next": "Try the same question at the 20:00 handover for two weeks, with "
                        "an example of the kind of worry I mean.",
                    },
                ),
                _CycleSpec(
                    "action-inquiry",
                    "Try the question at the night handover",
                    days_ago=30,
                    status=CycleStatus.REVIEWED,
                    loop=LoopLevel.SINGLE,
                    domains=(TEAM,),
                    tags=("handover", "speaking up"),
                    follows_previous=True,
                    experiment_in_days=-27,
                    stages={
                        "frame": "Team: the night team at handover. Band 6 in charge overnight.",
                        "intention": "Concerns raised at handover, before the day team leaves.",
                        "strategy": "Ask the same question, give one example ('a patient you "
                        "can't put your finger on'), then stay quiet for ten seconds.",
                        "action": "Did it on nine handovers. Gave the example every time. "
                        "Counted to ten in my head, which felt very long.",
                        "outcomes": "Concerns raised on six of nine nights, against about one a "
                        "week before. Two were about staffing for the next night.",
                        "learning": "Single loop: the example matters. Next time I will give a "
                        "concrete example before asking, not after the silence.",
                        "next": "Hand the question over to the band 6 nurses so it doesn't "
                        "depend on me being there.",
                    },
                ),
                _CycleSpec(
                    "action-inquiry",
                    "Hand the question to the band 6 nurses",
                    days_ago=9,
                    status=CycleStatus.PLANNED,
                    domains=(TEAM,),
                    tags=("delegation",),
                    follows_previous=True,
                    experiment_in_days=-2,
                    stages={
                        "frame": "Team: the four band 6 nurses who lead handovers.",
                        "intention": "The habit of asking survives my days off.",
                        "strategy": "Explain what I learned from the last two cycles at the "
                        "band 6 meeting, and ask them to try the question for a fortnight. "
                        "Assumption: they will see the point if they hear the numbers.",
                    },
                ),
            ],
        ),
        _InquirySpec(
            "How do I influence discharge planning beyond my own ward?",
            "Flow targets are set at site level; the delays we see start in conversations I am "
            "not part of.",
            (ORG, TEAM),
            [
                _CycleSpec(
                    "dilemma",
                    "Flow targets or a safe discharge",
                    days_ago=14,
                    status=CycleStatus.IN_PROGRESS,
                    domains=(ORG, IND),
                    tags=("flow", "supervision"),
                    dimensions=("influencing-for-results",),
                    stages={
                        "pulls": "Agreeing to an 11:00 discharge when the site is in escalation, "
                        "against holding a patient whose transport and medicines aren't ready.",
                        "expectations": "The site manager and divisional lead behind the first; "
                        "the ward team, the patient's family and my registration behind the "
                        "second.",
                        "values": "Being a reliable colleague to the wider hospital; safe, "
                        "dignified discharge; honesty about what is actually ready.",
                        "position": "Last week I said yes in the room and then quietly delayed. "
                        "That costs trust both ways.",
                    },
                ),
                _CycleSpec(
                    "action-inquiry",
                    "Say what is ready, in the bed meeting itself",
                    days_ago=3,
                    status=CycleStatus.PLANNED,
                    domains=(ORG,),
                    tags=("flow",),
                    experiment_in_days=5,
                    stages={
                        "frame": "Organisation: the 08:30 site bed meeting.",
                        "intention": "Give an honest readiness picture in the meeting, so the "
                        "plan the site makes is one the ward can keep.",
                        "strategy": "Bring a one-line status for each possible discharge "
                        "(ready / needs transport / needs medicines). Advocate for the two that "
                        "aren't ready and ask what would help.",
                    },
                ),
            ],
        ),
        _InquirySpec(
            "What happens to my listening when I am under pressure?",
            "Feedback suggests I close conversations down when the ward is busy.",
            (IND,),
            [
                _CycleSpec(
                    "gibbs",
                    "The conversation at the nurses' station",
                    days_ago=38,
                    status=CycleStatus.REVIEWED,
                    loop=LoopLevel.TRIPLE,
                    domains=(IND, TEAM),
                    tags=("listening", "feedback"),
                    stages={
                        "description": "A newly qualified nurse came to tell me about a "
                        "medication near miss while I was on the phone to the bed manager. I "
                        "said 'write it up' without looking up.",
                        "feelings": "Irritated at the interruption, then ashamed an hour later.",
                        "evaluation": "Good: the near miss was reported. Bad: she told a "
                        "colleague she wouldn't come to me again.",
                        "analysis": "Under pressure I attend to the most senior voice in the "
                        "room, even when it's on the phone.",
                        "conclusion": "I could have asked her to wait thirty seconds and then "
                        "given her my full attention.",
                        "action-plan": "Apologised to her the next day. Now I say 'give me a "
                        "minute, I want to hear this properly' and I put the phone down.",
                    },
                ),
                _CycleSpec(
                    "quick-capture",
                    "Noticed my jaw tighten",
                    days_ago=4,
                    status=CycleStatus.IN_PROGRESS,
                    domains=(IND,),
                    tags=("listening",),
                    stages={
                        "surprise": "When the physio disagreed with my plan in front of the "
                        "team I noticed my jaw tighten before I had even understood her point.",
                    },
                ),
            ],
        ),
        _InquirySpec(
            "Sharing rota decisions with the team",
            "Rota changes were landing as surprises.",
            (TEAM,),
            [
                _CycleSpec(
                    "kolb",
                    "Draft rota shared a week early",
                    days_ago=12,
                    status=CycleStatus.REVIEWED,
                    loop=LoopLevel.SINGLE,
                    domains=(TEAM,),
                    tags=("rota",),
                    stages={
                        "experience": "Posted the draft rota a week before it was due and asked "
                        "what didn't work.",
                        "observation": "Three sensible swaps; fewer sick calls on the changed "
                        "shifts (early days).",
                        "conceptualisation": "People accept constraints more readily when they "
                        "see them before they are fixed.",
                        "experimentation": "Keep doing it; try it with the annual leave planner.",
                    },
                ),
            ],
            status=InquiryStatus.PAUSED,
        ),
    ]


def build_demo(journal: Journal, now: datetime | None = None) -> None:
    """Fill an empty journal with the sample lines of inquiry, cycles and entries."""
    now = now or datetime.now(UTC)
    today = now.date()
    clock = _Clock(now)
    entries = EntryStore(journal.engine, clock=clock)
    cycles = CycleStore(journal.engine, journal.templates, clock=clock)
    made = {}
    for days_ago, title, body, domains, tags in _ENTRIES:
        clock.now = _morning(today, days_ago)
        made[title] = entries.create(title, body, domains, tags).id
    entries.set_flags(made["Bed meeting, Thursday"], bring_to_supervision=True)
    entries.set_flags(made["Rota conversation went better"], share_with_coach=True)
    for spec in _specs():
        clock.now = _morning(today, max(c.days_ago for c in spec.cycles) + 1)
        inquiry = cycles.create_inquiry(spec.question, spec.description, spec.domains)
        previous_id: str | None = None
        for cycle_spec in spec.cycles:
            previous_id = _add_cycle(cycles, clock, today, inquiry.id, cycle_spec, previous_id)
        if spec.status is not InquiryStatus.OPEN:
            cycles.update_inquiry(inquiry.id, status=spec.status)
    _add_session(journal, clock, today)


def _add_session(journal: Journal, clock: _Clock, today: date) -> None:
    """A coaching session three weeks ago, with one action done and one still open."""
    by_title = {c.display_title: c for c in journal.cycles.all_records()}
    dilemma = by_title["Flow targets or a safe discharge"]
    CycleStore(journal.engine, journal.templates, clock=clock).set_flags(
        dilemma.id, bring_to_supervision=True, share_with_coach=True
    )
    sessions = SessionStore(journal.engine, clock=clock)
    clock.now = _morning(today, 21)
    session = sessions.record(
        SessionKind.COACHING,
        today - timedelta(days=21),
        with_whom="my programme coach",
        wants="Why my team only raises concerns at the end of the shift.",
        notes="We talked about silence as waiting, not agreement.",
        next_date=today + timedelta(days=7),
        actions=[
            ActionDraft(
                "Try the worry question at the night handover",
                "the night team",
                today - timedelta(days=10),
                "More concerns raised before the day team leaves",
            ),
            ActionDraft(
                "Ask my sponsor for a monthly check-in",
                "my sponsor",
                today - timedelta(days=3),
                "A date in both diaries",
            ),
        ],
    )
    done, waiting = session.actions
    sessions.update_action(
        done.id,
        status=ActionStatus.DONE,
        progress="Concerns raised on six of nine nights.",
    )
    sessions.link_evidence(done.id, cycle_id=by_title["Try the question at the night handover"].id)
    sessions.update_action(waiting.id, status=ActionStatus.IN_PROGRESS, progress="Asked once.")


def _add_cycle(
    cycles: CycleStore,
    clock: _Clock,
    today: date,
    inquiry_id: str,
    spec: _CycleSpec,
    previous_id: str | None,
) -> str:
    clock.now = _morning(today, spec.days_ago)
    experiment = (
        today + timedelta(days=spec.experiment_in_days)
        if spec.experiment_in_days is not None
        else None
    )
    cycle = cycles.start_cycle(
        inquiry_id,
        spec.template,
        title=spec.title,
        domains=spec.domains,
        experiment_date=experiment,
        previous_id=previous_id if spec.follows_previous else None,
    )
    template = cycles.templates.get(spec.template)
    assert template is not None
    for stage in template.stages:
        if stage.id in spec.stages:
            if stage.when.value == "after" and cycles.get(cycle.id).status is CycleStatus.PLANNED:
                clock.now += timedelta(days=3)
                cycles.begin_reflection(cycle.id)
            cycles.save_stage(cycle.id, stage.id, spec.stages[stage.id])
    if cycles.get(cycle.id).status is CycleStatus.PLANNED:
        cycles.set_current_stage(cycle.id, PLANNED_MARK)  # the plan is written; it waits
    cycles.update_cycle(cycle.id, tags=spec.tags, dimensions=spec.dimensions, loop=spec.loop)
    if spec.status is CycleStatus.REVIEWED:
        cycles.finish(cycle.id)
    return cycle.id


def _morning(today: date, days_ago: int) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(8, 30), tzinfo=UTC)
