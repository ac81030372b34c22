"""The routes of the appraisal online and the explanation round, added to the app's list in one line."""

from __future__ import annotations

from starlette.routing import Route

from pipeline.web import appraisal_admin, appraisal_pages, explanation_pages


def appraisal_routes() -> list[Route]:
    return [
        Route("/jobs/{job}/appraisal", appraisal_pages.appraisal_list),
        Route("/jobs/{job}/appraisal/phase", appraisal_admin.change_phase, methods=["POST"]),
        Route("/jobs/{job}/appraisal/assign", appraisal_admin.assign, methods=["POST"]),
        Route("/jobs/{job}/appraisal/appraisers", appraisal_admin.add_appraiser, methods=["POST"]),
        Route("/jobs/{job}/appraisal/{unit}", appraisal_pages.appraisal_unit),
        Route("/jobs/{job}/appraisal/{unit}/evidence/{id:int}", appraisal_pages.appraisal_evidence),
        Route("/jobs/{job}/appraisal/{unit}/{criterion}", appraisal_pages.appraisal_save, methods=["POST"]),
        Route("/jobs/{job}/explanation", explanation_pages.explanation),
        Route("/jobs/{job}/explanation/{criterion}", explanation_pages.explain, methods=["POST"]),
    ]
