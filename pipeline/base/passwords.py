"""Passwords and one-time codes kept as salted scrypt hashes, never as themselves, and checked in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

MIN_PASSWORD = 8
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # about 16 MiB and 50 ms per check


def hash_password(password: str, salt: bytes | None = None) -> dict[str, object]:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT, dklen=32)
    return {"scheme": "scrypt", **_SCRYPT, "salt": salt.hex(), "hash": digest.hex()}


def password_matches(record: Mapping[str, Any], password: str) -> bool:  # `record`: decoded JSON
    try:
        salt = bytes.fromhex(str(record["salt"]))
        digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=int(record["n"]), r=int(record["r"]),
                                p=int(record["p"]), dklen=32)
        return hmac.compare_digest(digest.hex(), str(record["hash"]))
    except (KeyError, ValueError, TypeError):
        return False
