"""The appraisal notices of the campaign fixture (`conftest.write_campaign`), as contexts: until the example
campaign of `inputs/` is appraised, this is where the checks of templates and documentation (`test_template_check`,
`test_flow`) find a notice providing every name. One unit has bonus and penalty rows, so those rows are provided too.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.documents.content.notice_context import unit_notice_context
from pipeline.read.job_folder import read_data_file, read_settings
from pipeline.scoring.campaign import assessed_units
from pipeline.scoring.evaluate import appraised_score
from pipeline.scoring.register import by_name, read_register, registered_as
from pipeline.write.files import report_file_name
from tests.campaign.conftest import EXTRAS, write_campaign

NOTICE_JOB = "tests/campaign (đợt đánh giá đã thẩm định)"  # how the contexts are named where examples are listed


def notice_contexts(folder: Path) -> list[tuple[str, dict]]:
    """The campaign (with bonus and penalty rows for Sở Nội vụ) written in `folder`, and each unit's notice context,
    named by its output file."""
    write_campaign(folder, extras={"Sở Nội vụ": EXTRAS})
    settings = read_settings(folder)
    register, problems = read_register(settings, read_data_file(settings.register))
    assert not problems, problems
    index = by_name(register)
    reports = []
    for path in settings.data_files:
        found, problems, _ = assessed_units(settings, read_data_file(path), index)
        assert not problems, problems
        reports += found
    return [(report_file_name(n, len(reports), report.unit, "thong-bao"),
             unit_notice_context(settings, report,
                                 appraised_score(settings, report, registered_as(index, report.unit))))
            for n, report in enumerate(reports, 1)]
