"""Each turn's role: statement, question, answer or remark (procedural and courtesy turns)."""

from __future__ import annotations

import re

from transcripts.parsing.labels import NUMBERED_VOICE, UNNAMED_VOICES, base_key
from transcripts.parsing.model import LabelKind, Role, Turn

GREETING = re.compile(
    r"^(good (morning|afternoon|evening|day)|hello|hi|hey|welcome|thank you|thanks|thank you very much|"
    r"thank you all|okay|ok|all right|alright|yes|yeah|sure|please|go ahead|next question|"
    r"mm-?hm|(inaudible)|\(inaudible\.?\)|great|sorry|excuse me|one more|last question|"
    r"you too|likewise|good to see you|nice to see you|appreciate it)\b",
    re.I,
)


# A sitting where members question a witness: a hearing, a committee's evidence session.
HEARING = re.compile(r"\b(?:hearings?|committee|subcommittee|inquiry|oral evidence|evidence session|testimony)\b", re.I)


def assign_roles(turns: list[Turn], hearing: bool = False) -> None:
    """Each turn's role; `hearing`: a sitting where the members' questions are named voices' (HEARING)."""
    seen_question = False
    last_question: int | None = None
    last_substantive: str | None = None  # role of the last non-remark turn
    for index, turn in enumerate(turns):
        kind = turn.role
        text = " ".join(turn.paragraphs)
        words = len(text.split())
        courtesy = _is_courtesy(text, words)
        key = base_key(_label_name(turn))
        unnamed = NUMBERED_VOICE.match(key) or key in UNNAMED_VOICES or turn.label == ">>"
        if kind == LabelKind.ANONYMOUS and unnamed and text.endswith("?"):
            kind = LabelKind.QUESTION  # "Speaker 2 (00:01:15): Mr. Secretary, is a ceasefire close?"
        if kind in (LabelKind.QUESTION, LabelKind.OUTLET):
            if courtesy and "?" not in text:
                turn.role = Role.REMARK
            else:
                turn.role = Role.QUESTION
                seen_question = True
                last_question = index
                last_substantive = Role.QUESTION
            continue
        if kind == LabelKind.ANONYMOUS and base_key(_label_name(turn)) in MODERATORS:
            following = turns[index + 1] if index + 1 < len(turns) else None
            if following is not None and following.role == LabelKind.ANSWER and text.rstrip().endswith("?"):
                # A podcast's "HOST: … What does Australia want?" then "GUEST: …": the host asks.
                turn.role = Role.QUESTION
                seen_question, last_question, last_substantive = True, index, Role.QUESTION
            else:
                turn.role = Role.REMARK
            continue
        after_question = index > 0 and turns[index - 1].role == Role.QUESTION
        if after_question and courtesy and _AFFIRMS.match(text) and not _is_procedural(text, words):
            # "Yes, we did, and we reiterated the importance of international law." answers; "Yes. Go ahead."
            # and "Thank you. I am very grateful to them." do not.
            courtesy = _beyond_courtesies(text) <= 5
        if after_question and re.fullmatch(
            r"(yes|no|yeah|nope|correct|exactly|absolutely|of course|oui|non|sí|si|ja|nein|да|нет|是|不是)[.!。！]?",
            text.strip(),
            re.I,
        ):
            courtesy = False
        # Officials: named speakers, answerers, the unlabelled opening, anonymous officials.
        previous = turns[index - 1].role if index else None
        if courtesy:
            turn.role = Role.REMARK
        elif hearing and _puts_a_question(turns, index, words):
            # In a hearing, a senator asking the witness: a named voice ends on a question that another named
            # voice takes up without asking back.
            turn.role = Role.QUESTION
            seen_question, last_question, last_substantive = True, index, Role.QUESTION
            continue
        elif (
            kind != LabelKind.ANSWER
            and previous in (Role.REMARK, Role.STATEMENT)
            and last_substantive != Role.QUESTION
            and words >= 400
        ):
            # A long turn nobody asked for: "I have a couple things at the top" mid-briefing.
            turn.role = Role.STATEMENT
        elif kind == LabelKind.ANSWER or (seen_question and last_substantive in (Role.QUESTION, Role.ANSWER)):
            turn.role = Role.ANSWER
        elif not seen_question or last_substantive in (None, Role.STATEMENT):
            turn.role = Role.STATEMENT if words >= 25 or not seen_question and len(turn.paragraphs) > 1 else Role.REMARK
        else:
            turn.role = Role.ANSWER
        if turn.role == Role.ANSWER:
            turn.answers = last_question
            last_substantive = Role.ANSWER
        elif turn.role == Role.STATEMENT:
            last_substantive = Role.STATEMENT


def _puts_a_question(turns: list[Turn], index: int, words: int) -> bool:
    """Whether a named speaker's turn asks the next speaker something: it ends on a question of its
    own (not a quotation), and the next turn, another named voice's, does not ask back."""
    turn = turns[index]
    following = turns[index + 1] if index + 1 < len(turns) else None
    if turn.role != LabelKind.PERSON or not turn.speaker or following is None or words < 6:
        return False
    if following.role not in (LabelKind.PERSON, LabelKind.ANSWER) or following.speaker in (None, turn.speaker):
        return False
    last = (turn.paragraphs or [""])[-1].rstrip()
    if not last.endswith("?") or "?" in " ".join(following.paragraphs):
        return False
    # The question is the paragraph's last sentence, and its own ("… what is at stake?"), not rhetorical
    # in a long statement: a turn of a few sentences.
    return len(re.findall(r"[.!?](?:\s|$)", " ".join(turn.paragraphs))) <= 4


MODERATORS = {"moderator", "host", "presenter", "announcer", "operator", "emcee", "mc", "ведущий", "модератор"}


def _label_name(turn: Turn) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", turn.label or "")


# Running the room rather than saying something: call-ons, hand-offs, wrap-ups, asking for a
# repeat. Only short turns are judged by these phrases.
PROCEDURAL = re.compile(
    r"\b(next question|go ahead|one more\b|last question|(a )?couple (more|of more)|take (that|this|it|some|a few)\b"
    r"|happy to take|(this|that) (concludes|wraps)|concludes (our|the|this)|have a (great|good|nice) (weekend|day|one)"
    r"|see you (guys|all|next|on|later|soon)|(say|repeat) (that|it|the \w+( one| question)?) again|which one"
    r"|pardon me|(i have|i've got) (two|three|a couple( of)?|a few) (quick )?questions\.?$"
    r"|(thank you|thanks)( everyone| everybody| all)? for joining|reporter approaches"
    r"|wrap(ping)? (it|this|things) up|(i’ll|i'll|i will|let me) (come|go) (back|to)\b|we can hear you"
    r"|последний вопрос|следующий вопрос|ещё один вопрос|最后一个问题|下一个问题"
    r"|(letzte|nächste) frage|dernière question|question suivante|(última|siguiente) pregunta|ultima domanda"
    # A call-on: "First question, Francois Murphy, Reuters." / "Next, Laurence Norman, Wall Street Journal."
    r"|^(first|next|last|final) question\b"
    r"|^next\s*[,:—-]\s*(?-i:(?:Mr\.? |Ms\.? |Mrs\.? )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)\s*(?:[,.](?:\s|$)|$))",
    re.I,
)


def _is_procedural(text: str, words: int) -> bool:
    """Every sentence runs the room ("Go ahead, Phil."), none answers or asks anything."""
    if words > 40:
        return False
    if re.search(r"\b(this|that) concludes\b", text, re.I):
        return True  # the wrap-up, whatever housekeeping follows it
    substance = 0
    for sentence in re.split(r"(?<=[.!?…])\s+", text.strip()):
        if PROCEDURAL.search(sentence) or GREETING.match(sentence.strip(' —-–"“')):
            continue
        if "?" in sentence:
            return False
        substance += len(re.findall(r"\w+", re.sub(r"\([^()]*\)", "", sentence)))
    return substance <= 3 and bool(PROCEDURAL.search(text))


_AFFIRMS = re.compile(r"^\W*(?:yes|yeah|yep|no|nope|sure|correct|exactly|absolutely|indeed|of course)\b", re.I)


def _beyond_courtesies(text: str) -> int:
    """Words left once each sentence's opening courtesy ("Yes,", "Thank you,") is set aside."""
    left = 0
    for sentence in re.split(r"(?<=[.!?…])\s+", text.strip()):
        sentence = sentence.strip(' —-–"“')
        while opening := GREETING.match(sentence):  # "Thank you, thank you, thank you."
            sentence = sentence[opening.end() :].lstrip(" ,.!;:—-–")
        left += len(re.findall(r"\w+", sentence))
    return left


_THANKS = re.compile(r"(thank you|thanks|good (morning|afternoon|evening|day)|hello|hi|welcome)\b", re.I)
_VOCATIVE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2},\s+")


def _is_courtesy(text: str, words: int) -> bool:
    if words == 0:
        return True
    if _is_procedural(text, words):
        return True
    if "?" in text and words > 3:
        return False
    if words <= 12 and GREETING.match(text.strip(' —-–"“')):
        return True
    thanks = _THANKS.match(_VOCATIVE.sub("", text)) if words <= 8 and _VOCATIVE.match(text) else None
    if thanks and _beyond_courtesies(thanks.string) <= 2:
        return True  # "Foreign Secretary, thank you very much." (not "…, thank you. Let's start with Ukraine.")
    # "Go ahead, Mary." / "Peter." / "Karen, go ahead." — call-ons are short and name someone.
    if words <= 4 and re.search(r"\b(go ahead|please|yes|next|sorry)\b", text, re.I):
        return True
    if words <= 2 and re.fullmatch(r"[A-Z][\w’'\-]+(\s+[A-Z][\w’'\-]+)?[.!]?", text.strip()):
        return True
    return bool(re.fullmatch(r"\((inaudible|laughter|applause|crosstalk)[.]?\)\.?", text.strip(), re.I))
