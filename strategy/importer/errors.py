class PlanImportError(Exception):
    """A file the importer cannot understand; the message is for the person importing."""

    def __init__(self, message: str, *, line: int | None = None, unit: str = "ligne"):
        self.message = message
        self.line = line
        self.unit = unit
        super().__init__(str(self))

    def __str__(self):
        if self.line is None:
            return self.message
        return f"{self.unit.capitalize()} {self.line} : {self.message}"
