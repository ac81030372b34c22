"""The secretariat's desk: a local web app over the same pipeline as the command line (`pipeline serve`).

Every rule stays where the command line has it: the pages call `flow.check_job`, `flow.run_job`,
`new_job.init`, `documents.checks.template_check`, `write.problems_workbook` and the settings code, and
only add forms, uploads, a background run with its progress, and the safety of a web server.
"""
