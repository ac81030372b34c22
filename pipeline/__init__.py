"""Turns evaluation scores into official Vietnamese documents.

Score data flows through normalise → compute → rank → classify into results that the
document templates render. `pipeline.flow.run_job` wires the stages; `pipeline.cli` is
the command line.
"""

__version__ = "0.1.0"
