"""Evidence files: PDF, images and Office files only, not too large, what their name says, kept once by SHA-256."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from docx import Document
from openpyxl import Workbook

from pipeline.base.upload_limits import MAX_UPLOAD
from pipeline.store import NotFound, Refused

JOB, UNIT = "dot-2025", "Sở Tài chính"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    stream = io.BytesIO()
    document = Document()
    document.add_paragraph("Quyết định số 12/QĐ-UBND")
    document.save(stream)
    return stream.getvalue()


def xlsx_bytes() -> bytes:
    stream = io.BytesIO()
    Workbook().save(stream)
    return stream.getvalue()


def test_a_file_is_kept_under_its_sha256_and_listed_with_its_size_and_type(store, jobs):
    added = store.add_evidence(JOB, UNIT, "1.1", "Quyết định 12.pdf", PDF, "so-tai-chinh")
    digest = hashlib.sha256(PDF).hexdigest()
    record, path = store.evidence_file(added.id)
    assert (record.sha256, record.size, record.media_type, record.file_name) == (
        digest, len(PDF), "application/pdf", "Quyết định 12.pdf")
    assert path == jobs.parent / "jobs.minh-chung" / digest and path.read_bytes() == PDF
    assert store.evidence(JOB, UNIT) == [record] and store.evidence(JOB, UNIT, "1.2") == []


def test_the_same_content_sent_twice_is_one_file_and_two_entries(store):
    first = store.add_evidence(JOB, UNIT, "1.1", "a.png", PNG, "x")
    second = store.add_evidence(JOB, "Sở Y tế", "2.1", "b.png", PNG, "y")
    assert first.id != second.id and store.evidence_file(first.id)[1] == store.evidence_file(second.id)[1]
    assert len([p for p in store.evidence_folder.iterdir() if not p.name.startswith(".")]) == 1


@pytest.mark.parametrize("name, make", [("bao-cao.docx", docx_bytes), ("bang.xlsx", xlsx_bytes),
                                        ("anh.JPG", lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 20),
                                        ("cu.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")])
def test_office_files_and_images_are_accepted(store, name, make):
    assert store.add_evidence(JOB, UNIT, "1", name, make(), "x").size == len(make())


@pytest.mark.parametrize("name, content, says", [
    ("chay.exe", b"MZ\x90\x00", "phải là PDF, ảnh hoặc văn bản Office"),
    ("khong-duoi", PDF, "phải là PDF"),
    ("gia.pdf", PNG, "không phải tệp PDF hợp lệ"),
    ("gia.png", PDF, "không phải ảnh PNG hợp lệ"),
    ("nen.docx", b"PK\x03\x04 not a zip", "không phải văn bản Word hợp lệ"),
    ("rong.pdf", b"", "trống"),
    ("../../etc/passwd.pdf\x00", PDF, "ký tự không dùng được"),
])
def test_a_file_not_accepted_is_refused_with_the_reason_and_nothing_kept(store, name, content, says):
    with pytest.raises(Refused, match=says):
        store.add_evidence(JOB, UNIT, "1", name, content, "x")
    assert store.evidence(JOB, UNIT) == [] and store.audit(JOB) == []
    assert not store.evidence_folder.exists() or not any(store.evidence_folder.iterdir())


def test_a_zip_named_as_a_word_file_but_without_a_document_is_refused(store):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("note.txt", "hello")
    with pytest.raises(Refused, match="không phải văn bản Word hợp lệ"):
        store.add_evidence(JOB, UNIT, "1", "qd.docx", stream.getvalue(), "x")


def test_a_file_over_the_desks_limit_is_refused(store):
    with pytest.raises(Refused, match="lớn quá 20 MB"):
        store.add_evidence(JOB, UNIT, "1", "lon.pdf", PDF + b"\x00" * (MAX_UPLOAD - len(PDF) + 1), "x")
    just_fits = PDF + b"\x00" * (MAX_UPLOAD - len(PDF))
    assert store.add_evidence(JOB, UNIT, "1", "vua.pdf", just_fits, "x").size == MAX_UPLOAD


def test_a_path_sent_as_the_name_keeps_only_its_last_part(store):
    assert store.add_evidence(JOB, UNIT, "1", "C:\\Tai lieu\\qd 12.pdf", PDF, "x").file_name == "qd 12.pdf"


def test_an_unknown_or_removed_file_is_not_found(store):
    added = store.add_evidence(JOB, UNIT, "1", "a.pdf", PDF, "x")
    with pytest.raises(NotFound):
        store.evidence_file(added.id + 1)
    store.remove_evidence(added.id, "x")
    with pytest.raises(NotFound, match="tệp kiểm chứng"):
        store.evidence_file(added.id)
    assert store.evidence(JOB, UNIT) == [] and [e.action for e in store.audit(JOB)][-1] == "evidence_removed"
