"""The documents, by job: `layout` measures Word's text, `content` says what each document shows, `rendering`
fills a template, `charts` draws the thông cáo's charts, `checks` holds templates and documents to Nghị định 30."""
