"""gongkai.ReadError."""


class ReadError(Exception):
    """An input that could not be read at all: not found, empty, not a report
    format, encrypted, too large… ``path`` names the input, ``reason`` says why
    (the same words the CLI prints). Findings about a report that *was* read
    are never errors: they are in its record.

    无法读取的输入（文件不存在、为空、不是可识别的格式、加密、过大等）。
    ``path`` 为输入名，``reason`` 为原因（与命令行输出的措辞相同）。
    已读取报告中的问题不是错误，而是记录里的 findings。
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


ReadError.__module__ = "gongkai"  # as users name it: gongkai.ReadError
