"""rasd (رصد): Arabic news to structured, verifiable knowledge."""
from __future__ import annotations

__version__ = "0.1.0"
