"""The documents, by job: `layout` measures Word's text, `content` says what each document shows, `rendering`
fills a template, `charts` draws the thông cáo's charts, `checks` holds templates and documents to Nghị định 30."""

from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"  # the shipped templates (also templates/docx/ at the top)
