"""Police notices as data: wanted notices and their withdrawals, fraud warnings, appeals.

classify.py decides the kind from rules on folded text; wanted.py, fraud.py and
appeal.py read the fields as tables of patterns; read.py puts them together
for one article; records.py turns stored articles into the published records.
"""

from .read import Notice, notice_json, read_notice

__all__ = ["Notice", "notice_json", "read_notice"]
