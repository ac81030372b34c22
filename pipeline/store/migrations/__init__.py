"""The store's schema migrations (Alembic), applied when the store is opened."""
