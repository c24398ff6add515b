"""The article store: one interface (core.Store), two backends behind it.

``Store(location)`` opens an SQLite file (a path or ``sqlite:///path``, the
default) or a PostgreSQL database (``postgresql://…``).  The crawler and
publishing call Store's methods and its Reader (store_queries); neither
learns which backend answers.  See core.py for the identity rules.
"""

from ..store_schema import SCHEMA_VERSION, SchemaVersionError, StoreError
from .core import Store, UpsertResult, guid_for
from .errors import describe_error
from .location import backend_for, is_database_url

__all__ = ["SCHEMA_VERSION", "SchemaVersionError", "Store", "StoreError", "UpsertResult", "backend_for", "describe_error",
           "guid_for", "is_database_url"]
