"""Alembic's environment: migrations run on the connection `opening.migrate` hands over, never from a file."""

from __future__ import annotations

from alembic import context


def run() -> None:
    context.configure(connection=context.config.attributes["connection"], target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):  # Alembic running it (not an import that only reads the module)
    run()
