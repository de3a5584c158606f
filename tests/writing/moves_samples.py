"""Short reflections written for testing the reflective moves, each with the moves it makes.

Written as a participant on an NHS leadership programme might write after a small experiment:
some make every move, some only one or two, some none; a few are there to catch words that look
like a move and are not one (a question about what to do differently, "I felt that...", a
link's address, a heading). Roles, never names.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.writing.moves import Move

F = Move.FEELING
O = Move.OTHERS_VIEW  # noqa: E741 - one letter a move, to keep the table readable
A = Move.ASSUMPTION
M = Move.MODEL
D = Move.DIFFERENTLY
E = Move.EVIDENCE


@dataclass(frozen=True)
class Sample:
    """A reflection and exactly the moves it makes."""

    name: str
    text: str
    moves: frozenset[Move]


def _sample(name: str, text: str, *moves: Move) -> Sample:
    return Sample(name, text, frozenset(moves))


SAMPLES = (
    _sample(
        "all six",
        "I asked the team for their view before giving mine in Tuesday's huddle. I felt "
        "uneasy waiting in the silence. From the band 5 nurses' point of view, I may have "
        "seemed to be testing them. I had assumed that nobody would speak, but 4 of the 7 "
        "did. This is what Torbert calls inquiry, one of the four parts of speech. Next "
        "time I will wait longer before I fill the gap.",
        F,
        O,
        A,
        M,
        D,
        E,
    ),
    _sample(
        "only what happened",
        "The meeting was on Tuesday. We went through the rota and the leave requests. "
        "Then we talked about the new discharge checklist.",
    ),
    _sample(
        "a feeling and a plan",
        "Honestly I was frustrated with how the handover went.\n\n"
        "Next time I'll start with the patients who are going home.",
        F,
        D,
    ),
    _sample(
        "feeling in the body",
        "My heart sank when the consultant walked in halfway through.",
        F,
    ),
    _sample(
        "an opinion, not a feeling",
        "I felt that the plan was sound. The ward manager agreed to it.",
    ),
    _sample(
        "someone else's side",
        "She might have felt put on the spot when I asked in front of everyone.",
        O,
    ),
    _sample(
        "how it came across",
        "I wonder how it came across to the healthcare assistants on the late shift.",
        O,
    ),
    _sample(
        "my own perspective is not another's",
        "From my perspective the change has gone well.",
    ),
    _sample(
        "questioning a belief",
        "What if the problem is not the rota at all? Maybe I was wrong about the cause.",
        A,
    ),
    _sample(
        "taken for granted",
        "I took it for granted that the matron knew about the change.",
        A,
    ),
    _sample(
        "a model by name",
        "This was single loop learning: I changed what I did, not why I did it.",
        M,
    ),
    _sample(
        "a leadership dimension",
        "I want to get better at engaging the team when the pressure is on.",
        M,
    ),
    _sample(
        "a question about doing differently is not a plan",
        "What would I do differently? I am not sure yet.",
    ),
    _sample(
        "a plan with instead",
        "Instead of sending the e-mail, I am going to speak to the service lead in person.",
        D,
    ),
    _sample(
        "evidence from what was said",
        'The charge nurse said that the new board "saves us ten minutes a shift".',
        E,
    ),
    _sample(
        "evidence from numbers",
        "Only 3 out of 12 staff filled in the survey.",
        E,
    ),
    _sample(
        "noticing",
        "I noticed the junior doctors stopped asking questions once the registrar arrived.",
        E,
    ),
    _sample(
        "markdown around the moves",
        "# Feelings\n\n"
        "- **I felt** relieved when it was over.\n"
        "- I read about [psychological safety](https://example.org/model/theory) last week.\n\n"
        "> Next time I will ask first.\n",
        F,
        M,
        D,
    ),
    _sample(
        "headings and addresses are not moves",
        "## Next time\n\n## Evidence and feedback\n\nSee https://example.org/feedback/next-time "
        "for the notes.",
    ),
    _sample(
        "code blocks are left out",
        "```\nI felt anxious. Next time I will.\n```\nThe room was booked for an hour.",
    ),
    _sample(
        "curly apostrophes",
        "I’ll try asking the team what they need from me, because the last rota caused upset.",
        F,
        D,
        E,
    ),
    _sample(
        "empty",
        "",
    ),
    _sample(
        "ward words that are not feelings",
        "The patient was confused overnight and isolated in a side room. We supported him to "
        "walk and put a pressure relief mattress on the bed. The drain was removed.",
    ),
    _sample(
        "other everyday near misses",
        "She is a role model for the newer staff. I put the delay in perspective for the "
        "family. The next time I saw the matron she had already heard. The code for the "
        "door has changed. I was really so tired by the end.",
    ),
    _sample(
        "what happened before, told as it happened",
        "I would usually take the handover myself. The printer had a technical problem, so we "
        "used the board.",
    ),
    _sample(
        "what? so what? now what?",
        "What? A junior doctor challenged my plan in the board round.\n\n"
        "So what? I took it personally at first, but on reflection she had a point about the "
        "weekend cover, and I realised I had thought the plan was settled but it was not.\n\n"
        "Now what? I will ask for challenge before the plan is agreed.",
        A,
        D,
    ),
    _sample(
        "an NMC revalidation account",
        "The feedback from a patient survey said we rarely explain delays. This relates to "
        "the NMC Code, Prioritise people. I have started telling people at the desk how long "
        "the wait is, and in future I'll put it on the board too.",
        M,
        D,
        E,
    ),
    _sample(
        "a dilemma with two pulls",
        "I feel pulled between the service manager's targets and what the team say they need. "
        "From the team's perspective, the targets land on them. What if I am the one who "
        "has to say no?",
        F,
        O,
        A,
    ),
    _sample(
        "quick capture after a huddle",
        "Surprised that the quietest HCA spoke first. Adjusted by waiting.",
        F,
    ),
    _sample(
        "another person's feelings and words",
        "The family's concerns were about discharge. Their daughter told me that nobody had "
        "explained the plan.",
        O,
        E,
    ),
    _sample(
        "double loop learning named in lower case",
        "this felt like double-loop learning: the assumption i need to change is that "
        "silence means agreement.",
        M,
        A,
        D,  # "I need to change": the double loop's own way of saying it
    ),
    _sample(
        "gibbs-style headings with text under them",
        "## Description\nWe had a difficult family meeting.\n\n"
        "## Feelings\nI was nervous and a bit defensive.\n\n"
        "## Evaluation\nThe family's concerns were about discharge, not care.\n\n"
        "## Action plan\nIn future I will check what the family already know.",
        F,
        O,
        D,
    ),
)
