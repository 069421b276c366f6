"""One error tree for rasd. Every error has a stable code and tells the user how to fix it.

    RasdError                      base class: code, message, remedy, path
     ├── InputError                bad input the user gave (R1xx)
     │    ├── EmptyInputError      R101 the file or text is empty
     │    ├── BinaryInputError     R102 the file is not text (an image, an archive, …)
     │    ├── EncodingError        R103 text in an encoding rasd cannot decode
     │    ├── TooLargeError        R104 an input larger than the size limit
     │    ├── FormatError          R105 malformed JSON Lines, HTML with no article, a broken archive
     │    └── NotFoundError        R106 a path that does not exist
     ├── ResourceError             a packaged lexicon, gazetteer or model is missing or broken (R2xx)
     ├── PipelineError             a pipeline built with unmet requirements or an unknown stage (R3xx)
     ├── StoreError                the SQLite store cannot be opened or migrated (R4xx)
     └── EvalError                 a gold file or system output that cannot be scored (R5xx)

The library never prints or exits: it raises these, and the command line prints one line per
failed input (`str(error)`), keeps going with the other inputs and exits non-zero at the end.
"""
from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "EvalError",
    "FormatError",
    "InputError",
    "NotFoundError",
    "PipelineError",
    "RasdError",
    "ResourceError",
    "StoreError",
    "TooLargeError",
]


class RasdError(Exception):
    """Base of every rasd error: `code`, `message`, `remedy` and the `path` it concerns, if any."""

    code = "R000"
    remedy = ""

    def __init__(self, message: str, *, path: str | None = None, remedy: str | None = None,
                 code: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        if remedy is not None:
            self.remedy = remedy
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        fix = f" ({self.remedy})" if self.remedy else ""
        return f"[{self.code}] {where}{self.message}{fix}"

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "remedy": self.remedy, "path": self.path}


class InputError(RasdError):
    code = "R100"
    remedy = "check the file"


class EmptyInputError(InputError):
    code = "R101"
    remedy = "give a file that holds an article"


class BinaryInputError(InputError):
    code = "R102"
    remedy = "give text, HTML, JSON Lines or WARC; images and other binary files cannot be analyzed"


class EncodingError(InputError):
    code = "R103"
    remedy = "save the file as UTF-8 (rasd also reads UTF-16, windows-1256 and ISO-8859-6)"


class TooLargeError(InputError):
    code = "R104"
    remedy = "split the file, or give articles as JSON Lines, which are read one line at a time"


class FormatError(InputError):
    code = "R105"
    remedy = "fix the malformed record; the other records are still processed"


class NotFoundError(InputError):
    code = "R106"
    remedy = "check the path"


class ResourceError(RasdError):
    code = "R200"
    remedy = "reinstall rasd; packaged resources are missing or damaged"


class PipelineError(RasdError):
    code = "R300"
    remedy = "add the stages that provide the missing layers, in order"


class StoreError(RasdError):
    code = "R400"
    remedy = "check the database path, or start a fresh database with --db"


class EvalError(RasdError):
    code = "R500"
    remedy = "fix the gold or system file named here"
