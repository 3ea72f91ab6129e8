"""Ingest: one transaction per transcript, idempotent, clear errors, the dry-run JSON contract."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import CORPUS, ROOT, needs_shared, seed_path
from transcripts import ingest as ingest_module
from transcripts.ingest import ingest_bytes
from transcripts.models import Event, OriginalFile, Speaker, Utterance

pytestmark = pytest.mark.django_db


def counts():
    return (Event.objects.count(), Utterance.objects.count(), Speaker.objects.count(), OriginalFile.objects.count())


def test_seed_ingest_stores_nine_turns_with_lavrov_answering(seed_event):
    turns = list(seed_event.utterances.order_by("sequence").select_related("speaker", "answers"))
    assert [t.role for t in turns] == ["statement"] + ["question", "answer"] * 4
    assert {t.speaker.name for t in turns if t.role != "question"} == {"Sergey Lavrov"}
    assert all(t.speaker is None and t.label == "Question" for t in turns if t.role == "question")
    assert all(t.answers.sequence == t.sequence - 1 for t in turns if t.role == "answer")
    assert seed_event.publisher.name == "Ministry of Foreign Affairs of the Russian Federation"
    assert seed_event.original.content == seed_path().read_bytes()


def test_reingesting_the_same_file_changes_nothing(seed_event, seed_bytes):
    before = counts()
    result = ingest_bytes(seed_bytes, "again.txt")
    assert result.status == "unchanged" and result.event == seed_event
    assert counts() == before


def test_a_changed_version_of_the_same_source_updates_in_place(seed_event, seed_bytes):
    changed = seed_bytes.replace(b"I have answered your question.", b"I have answered your question, thank you.")
    result = ingest_bytes(changed, "changed.txt")
    assert result.status == "updated" and result.event.pk == seed_event.pk
    assert Event.objects.count() == 1
    assert seed_event.utterances.get(sequence=9).text.endswith("thank you.")


def test_failure_mid_save_leaves_the_database_as_it_was(monkeypatch, seed_bytes):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module, "save_mentions", explode)
    result = ingest_bytes(seed_bytes, "seed.txt")
    assert result.status == "failed" and "RuntimeError" in result.message
    assert counts() == (0, 0, 0, 0)


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4 x", b"\x00\x01\x02" * 100])
def test_bad_file_is_rejected_and_saves_nothing(data):
    result = ingest_bytes(data, "bad.txt")
    assert result.status == "failed" and result.message
    assert counts() == (0, 0, 0, 0)


def test_oversize_file_is_refused_with_its_size(settings, seed_bytes):
    settings.VERBATIM_MAX_FILE_BYTES = 1000
    result = ingest_bytes(seed_bytes, "big.txt")
    assert result.status == "failed" and "larger than" in result.message


@needs_shared
def test_ingesting_the_dev_corpus_twice_keeps_row_counts(capsys):
    call_command("ingest", str(CORPUS), str(seed_path()))
    first = counts()
    call_command("ingest", str(CORPUS), str(seed_path()))
    assert counts() == first
    assert first[0] == len([p for p in CORPUS.iterdir() if p.suffix in (".html", ".md")]) + 1
    assert "45 unchanged" in capsys.readouterr().out


def test_dry_run_json_is_the_documented_contract(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", str(seed_path()), str(bad), "--dry-run", "--json", stdout=out)
    assert exit_info.value.code == 1
    document = json.loads(out.getvalue())
    (transcript,) = document["transcripts"]
    assert set(transcript) >= {
        "file",
        "title",
        "date",
        "time",
        "location",
        "publisher",
        "reference",
        "language",
        "kind",
        "source_url",
        "utterances",
        "mentions",
        "dropped",
        "warnings",
    }
    assert transcript["date"] == "2025-11-25" and len(transcript["utterances"]) == 9
    first = transcript["utterances"][0]
    assert set(first) >= {"sequence", "speaker", "label", "affiliation", "role", "note", "text"}
    assert document["errors"][0]["file"].endswith("empty.txt") and "empty" in document["errors"][0]["error"]
    assert counts() == (0, 0, 0, 0)


def test_command_reports_missing_paths_and_exits_nonzero(tmp_path):
    err = StringIO()
    with pytest.raises(SystemExit):
        call_command("ingest", str(seed_path()), str(tmp_path / "nope.txt"), stderr=err, stdout=StringIO())
    assert Event.objects.count() == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in err.getvalue()


def test_a_50_mb_file_is_refused_by_name_and_the_others_are_ingested(tmp_path, capsys):
    (tmp_path / "seed.txt").write_bytes(seed_path().read_bytes())
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(50 * 1_048_576)  # sparse: costs no disk, stat() says 50 MB
    with pytest.raises(SystemExit) as exit_:
        call_command("ingest", str(tmp_path))
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "huge.txt" in err and "50.0 MB, larger than the 20.0 MB allowed" in err
    assert "Traceback" not in err
    assert counts() == (1, 9, 1, 1)


@needs_shared
@pytest.mark.django_db(transaction=True)
def test_parallel_ingest_stores_the_same_rows_as_one_process(capsys):
    from django.db.models import Count

    from transcripts.parsing import parse_transcript

    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".html", ".md"))
    call_command("ingest", "--jobs", "2", str(CORPUS))
    assert f"{len(files)} created" in capsys.readouterr().out
    assert Event.objects.count() == len(files)
    assert Utterance.objects.count() == sum(len(parse_transcript(p.read_bytes(), p.name).turns) for p in files)
    assert not Speaker.objects.values("name").annotate(n=Count("id")).filter(n__gt=1).exists()


def test_a_sidecar_fills_what_the_transcript_does_not_say(tmp_path):
    from transcripts.ingest import ingest_path

    path = tmp_path / "talks.txt"
    path.write_text("The opening statement, unlabelled, about trade.\n\nQ: And Brazil?\n\nMR. SILVA: Brazil agrees.\n")
    (tmp_path / "talks.source.json").write_text(
        json.dumps(
            {
                "title": "Talks on trade",
                "date": "2019-04-02",
                "source_url": "https://example.org/talks",
                "location": "Brasília",
                "spokesperson": "Ana Silva",
            }
        )  # fmt: skip
    )
    parsed = ingest_path(path, dry_run=True).parsed
    assert (parsed.title, parsed.date.isoformat(), parsed.source_url) == (
        "Talks on trade",
        "2019-04-02",
        "https://example.org/talks",
    )
    assert parsed.location == "Brasília" and parsed.turns[0].speaker == "Ana Silva"


def test_a_sidecar_naming_another_file_is_ignored(tmp_path):
    from transcripts.ingest import ingest_path

    path = tmp_path / "talks.txt"
    path.write_text("Talks\n\nQ: And Brazil?\n\nMR. SILVA: Brazil agrees.\n")
    (tmp_path / "talks.json").write_text(json.dumps({"file": "other.txt", "source_url": "https://example.org/x"}))
    assert ingest_path(path, dry_run=True).parsed.source_url is None


def test_every_sample_with_a_sidecar_gets_its_source_url(capsys):
    call_command("ingest", str(ROOT / "samples"))
    with_sidecar = {p.name.replace(".source.json", "") for p in (ROOT / "samples").glob("*.source.json")}
    events = {Path(e.original_filename).stem: e.source_url for e in Event.objects.all()}
    assert with_sidecar and all(events[stem].startswith("http") for stem in with_sidecar)


def test_chinese_and_russian_titles_and_names_get_readable_slugs():
    from transcripts.models import Speaker

    chinese = (
        "2020年3月24日外交部发言人耿爽主持例行记者会\n\n"
        "李明华：今天我们先发布一条消息。\n\n"
        "记者：请问中方对此有何评论？\n\n"
        "李明华：我们注意到有关报道。\n"
    ).encode()
    event = ingest_bytes(chinese, "geng.txt").event
    assert event.slug == "2020-03-24-wai-jiao-bu-fa-yan-ren-geng-shuang-zhu-chi-li-xing-ji-zhe-hui"
    assert Speaker.objects.get(name="李明华").slug == "li-ming-hua"
    russian = "Брифинг, 25 ноября 2025 года\n\nИван Петров: Добрый день.\n\nВопрос: Что нового?\n".encode()
    assert ingest_bytes(russian, "petrov.txt").status == "created"
    assert Speaker.objects.get(name="Иван Петров").slug == "ivan-petrov"


def test_transcripts_in_other_languages_are_searchable_and_linked_after_ingest():
    from django.http import QueryDict

    from transcripts.models import Mention
    from transcripts.search import search_utterances

    styles = Path(__file__).parent / "data" / "house_styles"
    for name in ("ar_mfa.txt", "es_maec.txt", "vn_mofa.txt", "pl_msz.txt"):
        assert ingest_bytes((styles / name).read_bytes(), name).ok
    assert dict(Event.objects.values_list("original_filename", "language")) == {
        "ar_mfa.txt": "ar", "es_maec.txt": "es", "vn_mofa.txt": "vi", "pl_msz.txt": "pl",
    }  # fmt: skip
    for word, filename in (("المفاوضات", "ar_mfa.txt"), ("Gibraltar", "es_maec.txt"), ("Biển Đông", "vn_mofa.txt")):
        results = search_utterances(QueryDict(f"q={word}&sort=newest"), with_facets=False).results
        assert [u.event.original_filename for u in results] == [filename], word
    linked = set(Mention.objects.values_list("entity__name", "utterance__event__original_filename"))
    assert {("Spain", "es_maec.txt"), ("Vietnam", "vn_mofa.txt")} <= linked


SAMPLES = ROOT / "samples"


def _stored() -> dict:
    """What an ingest wrote, by value: every turn with its speaker, vectors and entities, every
    mention, and the word counts."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.slug, u.sequence, s.name, u.role, u.text, u.search_vector::text, u.exact_vector::text,"
            " u.context_vector::text, (SELECT array_agg(x.name ORDER BY x.name) FROM transcripts_entity AS x"
            " WHERE x.id = ANY(u.entity_ids)) FROM transcripts_utterance AS u JOIN transcripts_event AS e"
            " ON e.id = u.event_id LEFT JOIN transcripts_speaker AS s ON s.id = u.speaker_id ORDER BY 1, 2"
        )
        turns = cursor.fetchall()
        cursor.execute(
            "SELECT e.slug, u.sequence, x.name, m.count, m.spans FROM transcripts_mention AS m"
            " JOIN transcripts_entity AS x ON x.id = m.entity_id JOIN transcripts_utterance AS u"
            " ON u.id = m.utterance_id JOIN transcripts_event AS e ON e.id = u.event_id ORDER BY 1, 2, 3"
        )
        mentions = cursor.fetchall()
        cursor.execute("SELECT kind, lexeme, turns FROM transcripts_lexeme WHERE turns <> 0 ORDER BY 1, 2")
        words = cursor.fetchall()
    return {"turns": turns, "mentions": mentions, "words": words}


def test_ingest_prepares_its_statements_and_gives_the_connection_back_as_it_was(settings, capsys):
    """The command's statements repeat for every transcript: PostgreSQL prepares them (the word
    counts among them), and the connection binds parameters in the client again afterwards."""
    from django.db import connection

    def prepared() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
            return [row[0] for row in cursor.fetchall()]

    settings.VERBATIM_INGEST_PREPARED_STATEMENTS = False
    call_command("ingest", str(SAMPLES / "kremlin_52834.html"), str(SAMPLES / "kremlin_62565.html"))
    assert prepared() == []
    settings.VERBATIM_INGEST_PREPARED_STATEMENTS = True
    call_command("ingest", str(SAMPLES))
    assert any("transcripts_lexeme" in statement for statement in prepared())
    assert connection.connection.prepare_threshold is None
    assert connection.connection.cursor_factory.__name__ == "Cursor"
    assert "failed" not in capsys.readouterr().out


def test_prepared_statements_store_what_client_bound_ones_do(settings):
    """The same transcripts stored with parameters bound in the client and with prepared statements:
    the same turns, vectors, entities, mentions and word counts."""
    stored = []
    for prepared in (False, True):
        settings.VERBATIM_INGEST_PREPARED_STATEMENTS = prepared
        Event.objects.all().delete()
        call_command("ingest", str(SAMPLES))
        stored.append(_stored())
    assert len(stored[0]["turns"]) > 300 and len(stored[0]["mentions"]) > 100
    assert stored[0] == stored[1]
