"""A template that is more than a plain Word document — macros, ActiveX controls, embedded OLE objects, links to
files — is refused by check-template (with --annotate too), check and run, saying how to save a clean .docx;
no output ever carries a macro-enabled content type."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.documents.rendering.render import TEMPLATE_DIR, render_document

SHIPPED = TEMPLATE_DIR / "quyet-dinh-xep-loai.docx"
CLEAN = "Tệp › Lưu thành › Tài liệu Word (*.docx)"
MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
PLAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
JOB = "huong-tra-2020-xep-loai"


def altered(target: Path, extra: dict[str, bytes], change=lambda name, data: data) -> Path:
    """The shipped decision template with parts added (`extra`) and parts changed (`change`)."""
    with zipfile.ZipFile(SHIPPED) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info, change(info.filename, source.read(info)))
        for name, data in extra.items():
            copy.writestr(name, data)
    return target


def macro_enabled(target: Path) -> Path:
    """A .docm renamed .docx: the VBA project and the macro-enabled content type of the body."""
    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = data.replace(PLAIN_TYPE.encode(), MACRO_TYPE.encode())
            return data.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.'
                                             b'vbaProject"/></Types>')
        return data
    return altered(target, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 VBA project"}, change)


def linked(target: Path, where: str, kind: str = "attachedTemplate") -> Path:
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxml'
            'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org'
            f'/officeDocument/2006/relationships/{kind}" Target="{where}" TargetMode="External"/></Relationships>')
    return altered(target, {"word/_rels/settings.xml.rels": rels.encode()})


def test_a_macro_enabled_template_is_refused_by_check_template_saying_how_to_save_a_clean_docx(cli, tmp_path):
    template = macro_enabled(tmp_path / "quyet-dinh.docx")
    code, _, err = cli("check-template", template)
    assert code == 1
    assert ("Tệp quyet-dinh.docx, phần word/vbaProject.bin: mẫu có macro (VBA), không phải tài liệu Word thường (có "
            "thể là tệp .docm đổi tên thành .docx); chương trình không dùng mẫu có macro để lập văn bản chính thức. "
            "Mở mẫu bằng Word, chọn Tệp › Lưu thành › Tài liệu Word (*.docx)") in err


def test_check_template_annotate_on_a_macro_enabled_template_refuses_without_crashing(cli, tmp_path):
    template = macro_enabled(tmp_path / "quyet-dinh.docx")
    code, _, err = cli("check-template", template, "--annotate")
    assert code == 1 and CLEAN in err and "Lỗi ngoài dự kiến" not in err
    assert not (tmp_path / "quyet-dinh.gop-y.docx").exists()  # no copy carrying the macro is written


@pytest.mark.parametrize("extra, what", [
    ({"word/activeX/activeX1.xml": b"<ax/>", "word/activeX/activeX1.bin": b"\x00"}, "điều khiển ActiveX"),
    ({"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}, "đối tượng nhúng (OLE"),
])
def test_a_template_with_controls_or_embedded_objects_is_refused(cli, tmp_path, extra, what):
    code, _, err = cli("check-template", altered(tmp_path / "quyet-dinh.docx", extra))
    assert code == 1 and what in err and CLEAN in err


def test_a_template_linked_to_a_file_is_refused_naming_the_file(cli, tmp_path):
    code, _, err = cli("check-template", linked(tmp_path / "quyet-dinh.docx", "file:///C:/Mau/Normal.dotm"))
    assert code == 1
    assert 'liên kết tới tệp bên ngoài ("file:///C:/Mau/Normal.dotm")' in err
    assert "Ngắt liên kết" in err and CLEAN in err


def test_a_hyperlink_to_a_web_page_is_plain_text_to_word_and_accepted(cli, tmp_path):
    template = linked(tmp_path / "quyet-dinh.docx", "https://dichvucong.gov.vn", "hyperlink")
    code, _, err = cli("check-template", template)
    assert code == 0, err


def test_run_and_check_refuse_a_job_whose_template_has_a_macro_and_write_nothing(cli, example_job, tmp_path):
    job = example_job(JOB)
    macro_enabled(job / "mau-rieng.docx")
    settings = (job / "job.toml").read_text(encoding="utf-8")
    (job / "job.toml").write_text(settings.replace("[document]\n", '[document]\ntemplate = "mau-rieng.docx"\n', 1),
                                  encoding="utf-8")
    code, _, err = cli("check", job)
    assert code == 1 and "mẫu có macro (VBA)" in err and CLEAN in err
    code, _, err = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and "mẫu có macro (VBA)" in err and "Chưa ghi tệp nào" in err
    assert not (tmp_path / "out").exists()


def test_rendering_from_a_macro_enabled_template_is_refused_so_no_output_carries_its_content_type(tmp_path):
    template = macro_enabled(tmp_path / "quyet-dinh.docx")
    with pytest.raises(InputErrors) as refused:
        render_document(template, {})
    assert [p.reason for p in refused.value.problems] == [Reason.TEMPLATE_NOT_PLAIN]
    assert CLEAN in describe(refused.value.problems[0])


def test_no_annotated_copy_is_made_of_a_template_with_an_embedded_object(tmp_path):
    from pipeline.documents.checks.template_comments import annotated

    template = altered(tmp_path / "quyet-dinh.docx", {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"})
    with pytest.raises(InputErrors) as refused:
        annotated(template, [])
    assert "đối tượng nhúng (OLE" in describe(refused.value.problems[0])
