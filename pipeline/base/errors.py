"""Problems found in a job's inputs, as data; `messages` turns them into Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Reason(Enum):
    """Why an input was refused. Tests assert on these codes; people read `messages`."""

    JOB_FOLDER_MISSING = "job_folder_missing"
    SETTINGS_MISSING = "settings_missing"
    SETTINGS_SYNTAX = "settings_syntax"
    SETTING_MISSING = "setting_missing"
    SETTING_INVALID = "setting_invalid"
    SETTING_UNKNOWN = "setting_unknown"
    UNKNOWN_SCHEME = "unknown_scheme"
    UNKNOWN_SCHEME_VERSION = "unknown_scheme_version"
    SCHEME_INVALID = "scheme_invalid"
    NO_DATA_FILE = "no_data_file"
    DATA_FILE_MISSING = "data_file_missing"
    UNSUPPORTED_FILE = "unsupported_file"
    LEGACY_EXCEL = "legacy_excel"
    PASSWORD_PROTECTED = "password_protected"
    CORRUPT_WORKBOOK = "corrupt_workbook"
    CSV_ENCODING = "csv_encoding"
    FORMULA_NOT_CACHED = "formula_not_cached"
    NO_TABLE = "no_table"
    MISSING_COLUMN = "missing_column"
    LOOKALIKE_COLUMN = "lookalike_column"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    ABOVE_MAXIMUM = "above_maximum"
    MISSING_VALUE = "missing_value"
    MISSING_UNIT = "missing_unit"
    POINTS_AND_REASON = "points_and_reason"
    DUPLICATE_UNIT = "duplicate_unit"
    UNKNOWN_GROUP = "unknown_group"
    EMPTY_GROUP = "empty_group"
    BAD_CODE = "bad_code"
    DUPLICATE_CODE = "duplicate_code"
    ORPHAN_CODE = "orphan_code"
    ORPHAN_ITEM = "orphan_item"
    MAXIMUM_MISMATCH = "maximum_mismatch"
    TWO_OPTIONS_SCORED = "two_options_scored"
    UNKNOWN_ROLLUP = "unknown_rollup"
    TOTAL_MISMATCH = "total_mismatch"
    ZERO_MAXIMUM = "zero_maximum"
    NO_CRITERIA = "no_criteria"
    NO_POINTS = "no_points"
    TEMPLATE_MISSING = "template_missing"
    TEMPLATE_UNREADABLE = "template_unreadable"
    TEMPLATE_ERROR = "template_error"
    TEMPLATE_SYNTAX = "template_syntax"
    TEMPLATE_UNCLOSED = "template_unclosed"
    TEMPLATE_UNEXPECTED_END = "template_unexpected_end"
    TEMPLATE_UNKNOWN_NAME = "template_unknown_name"
    TEMPLATE_UNSAFE = "template_unsafe"
    TEMPLATE_ROW_TAG = "template_row_tag"
    TEMPLATE_CELL_TAG = "template_cell_tag"
    TEMPLATE_SPLIT_TAG = "template_split_tag"
    TEMPLATE_TAG_OPEN = "template_tag_open"
    TEMPLATE_VM_SPLIT = "template_vm_split"
    OUTPUT_EXISTS = "output_exists"
    OUTPUT_BUSY = "output_busy"
    OUTPUT_NOT_FOLDER = "output_not_folder"
    OUTPUT_IS_JOB_FOLDER = "output_is_job_folder"
    NO_OPTION_SCORED = "no_option_scored"
    CODE_OUT_OF_ORDER = "code_out_of_order"
    TOTAL_ROW_MISMATCH = "total_row_mismatch"
    APPLICABLE_ABOVE_MAXIMUM = "applicable_above_maximum"
    ABOVE_SCALE = "above_scale"
    OUTPUT_UNWRITABLE = "output_unwritable"
    DISK_FULL = "disk_full"
    NO_LIBREOFFICE = "no_libreoffice"
    PDF_FAILED = "pdf_failed"
    UNIT_NAME_MISSING = "unit_name_missing"
    DUPLICATE_UNIT_TABLE = "duplicate_unit_table"
    JOB_FOLDER_EXISTS = "job_folder_exists"
    SOURCE_JOB_INVALID = "source_job_invalid"
    SOURCE_KIND_MISMATCH = "source_kind_mismatch"
    HIDDEN_ROW = "hidden_row"
    HIDDEN_SHEET = "hidden_sheet"
    CONTROL_CHARACTER = "control_character"
    NUMBER_TOO_LARGE = "number_too_large"
    HEADER_TOO_LOW = "header_too_low"
    WORKBOOK_TOO_LARGE = "workbook_too_large"
    HIDDEN_COLUMN = "hidden_column"
    CSV_MALFORMED = "csv_malformed"
    SETTING_WRONG_TYPE = "setting_wrong_type"
    SETTING_HIDDEN_CHARACTER = "setting_hidden_character"
    SETTING_LINE_BREAK = "setting_line_break"
    SETTING_PATH_OUTSIDE = "setting_path_outside"
    ERRORS_FILE_NAME = "errors_file_name"
    TEMPLATE_TOO_HEAVY = "template_too_heavy"
    PDF_NOT_PDFA = "pdf_not_pdfa"
    FONT_SUBSTITUTED = "font_substituted"  # a warning: the run goes on
    TEMPLATE_PAGE_NUMBERS_LOST = "template_page_numbers_lost"
    TEMPLATE_PAGE_NUMBER_ON_FIRST_PAGE = "template_page_number_on_first_page"
    TEMPLATE_ROW_SHORT = "template_row_short"
    TEMPLATE_MERGED_CELL_SHORT = "template_merged_cell_short"
    ANNOTATED_IS_TEMPLATE = "annotated_is_template"
    UNREGISTERED_UNIT = "unregistered_unit"
    REGISTERED_WITHOUT_TABLE = "registered_without_table"
    NOT_EVALUATED_BLANK_TABLE = "not_evaluated_blank_table"
    DUPLICATE_REGISTERED_UNIT = "duplicate_registered_unit"
    APPRAISAL_MISSING = "appraisal_missing"
    APPRAISAL_NOT_DONE = "appraisal_not_done"  # a warning: reports made, no decision
    REGISTER_MISSING = "register_missing"
    INIT_FOLDER_HAS_FILES = "init_folder_has_files"
    INIT_NO_CRITERIA = "init_no_criteria"
    INIT_CRITERIA_INVALID = "init_criteria_invalid"
    INIT_UNKNOWN_KIND = "init_unknown_kind"
    INIT_KIND_MISSING = "init_kind_missing"
    INIT_CRITERIA_UNUSED = "init_criteria_unused"
    STATED_RATE_MISMATCH = "stated_rate_mismatch"  # a finding (warning; an error with --strict)
    STATED_POINTS_MISMATCH = "stated_points_mismatch"  # a finding
    RULE_POINTS_MISMATCH = "rule_points_mismatch"  # a finding
    RULE_INVALID = "rule_invalid"
    RULE_FACTS_INVALID = "rule_facts_invalid"
    STATED_COUNTS_MISMATCH = "stated_counts_mismatch"  # a finding
    PREVIOUS_MISSING = "previous_missing"
    PREVIOUS_UNREADABLE = "previous_unreadable"
    PREVIOUS_UNKNOWN_UNIT = "previous_unknown_unit"
    PREVIOUS_JOB_INVALID = "previous_job_invalid"
    PREVIOUS_UNIT_TWICE = "previous_unit_twice"
    PREVIOUS_RENAMED_TWICE = "previous_renamed_twice"
    PREVIOUS_OTHER_GROUP = "previous_other_group"
    PREVIOUS_NOT_RANKED = "previous_not_ranked"
    PREVIOUS_NOT_APPRAISED = "previous_not_appraised"
    ND30_FAILS = "nd30_fails"  # a rule of the ND30 rule pack the document breaks (`documents.checks.nd30_check`)
    ND30_UNKNOWN = "nd30_unknown"  # a rule the document could not be checked against
    NAME_FORM = "name_form"  # a warning: a unit name in capitals or without diacritics, its proper form known
    NAME_FORM_UNKNOWN = "name_form_unknown"  # a warning: such a name with no proper form to be found
    PREVIOUS_UNMATCHED = "previous_unmatched"  # a warning: previous units compared with none of this period
    PREVIOUS_RANKS_DISAGREE = "previous_ranks_disagree"
    COMPONENT_MISSING = "component_missing"  # a unit without a component its group's formula adds
    COMPONENT_UNUSED = "component_unused"  # a unit with a component its group's formula does not add
    FORMULA_UNDECIDED = "formula_undecided"  # as many units with the component as without
    TOTAL_KEPT_AS_PUBLISHED = "total_kept_as_published"  # a warning: `[checks] total = "as-published"`
    COLUMN_UNUSED = "column_unused"  # a warning: a numeric column the program does not read
    SATISFACTION_INDEX = "satisfaction_index"
    PREVIOUS_TABLE_INVALID = "previous_table_invalid"  # a table of ranks (`[previous] table`) that cannot be used
    PREVIOUS_NEW_INVALID = "previous_new_invalid"  # a unit declared new that is no unit, or is in the previous table
    PREVIOUS_NOT_LISTED = "previous_not_listed"  # a warning: units absent from a table not declared partial
    OUTPUT_EXCHANGE_FINISHED = "output_exchange_finished"  # a note: a killed run's last step, finished
    OUTPUT_EXCHANGE_UNDONE = "output_exchange_undone"  # a note: a killed run's last step, rolled back
    OUTPUT_RUN_INTERRUPTED = "output_run_interrupted"  # a note: a killed run's unfinished files, removed
    OUTPUT_LINK_LOOP = "output_link_loop"
    GROUP_LINE_DISAGREES = "group_line_disagrees"
    PREVIOUS_GROUP_MOVED = "previous_group_moved"
    TEMPLATE_NOT_PLAIN = "template_not_plain"
    SIGNATURE_FORM_UNKNOWN = "signature_form_unknown"
    SIGNATURE_NOT_DEPUTY = "signature_not_deputy"
    PLACEHOLDER_UNKNOWN = "placeholder_unknown"
    TEXT_TOO_LONG = "text_too_long"
    SURVEY_ABOVE_SCALE = "survey_above_scale"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the inputs, located as precisely as the input allows.

    `row` is the row number staff see in Excel (or the line number of a CSV file);
    `column` is the header as written in the file; `details` holds the numbers a message
    quotes (the expected total, the maximum, …) already formatted for display.
    """

    reason: Reason
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    details: tuple[tuple[str, str], ...] = field(default=())
    # Where in a Word template the problem sits (XML part, paragraph index), for comments on an annotated
    # copy; not part of what the problem is, so two reports of one problem are still one problem.
    anchor: tuple[str, int] | None = field(default=None, compare=False)

    def detail(self, key: str) -> str:
        return dict(self.details).get(key, "")


def problem(reason: Reason, **fields: object) -> Problem:
    """Builds a `Problem`; keyword arguments that are not location fields become details."""
    location = {k: fields.pop(k) for k in ("file", "sheet", "row", "column", "value", "anchor") if k in fields}
    if location.get("value") is not None:
        location["value"] = str(location["value"])
    details = tuple((key, str(value)) for key, value in fields.items())
    return Problem(reason, details=details, **location)  # type: ignore[arg-type]


class InputErrors(Exception):
    """Every problem found before anything was written; the run stops on it."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s)")
